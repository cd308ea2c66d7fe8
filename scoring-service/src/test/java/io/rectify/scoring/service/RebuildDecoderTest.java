package io.rectify.scoring.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rectify.contracts.CloudEvent;
import io.rectify.contracts.EventJson;
import io.rectify.contracts.EventPayload;
import io.rectify.scoring.support.CountyStory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rebuild's fast decoding gives what the live consumers' decoding gives (the same update, or a refusal
 * for the same records), and decoding a chunk in slices merged in log order gives what decoding it whole does.
 */
class RebuildDecoderTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Test
    void canonicalHazardEventsDecodeAsTheLiveConsumersDo() {
        CountyStory county = CountyStory.create();
        Instant now = Instant.parse("2026-03-04T05:06:07.123456789Z");
        CountyStory.Hazard hazard = county.hazard("MAJOR", now.plus(Duration.ofDays(30)));
        for (EventPayload e : List.of(hazard.reported("OPEN", 0), hazard.signedOff(now, 5), hazard.reopened(6))) {
            ConsumerRecord<String, byte[]> r = record(e, EventJson.write(e));
            Optional<FactUpdate> decoded = RebuildDecoder.decode(r, ZONE);
            assertThat(decoded).isPresent().isEqualTo(RebuildDecoder.slow(r, ZONE));
            assertThat(RebuildDecoder.fastOrNull(r, ZONE)).as("read by the fast path").isEqualTo(decoded.get());
            assertThat(RebuildDecoder.fastOrNull(inPlace(r), ZONE)).as("read in place by the fast path").isEqualTo(decoded.get());
        }
    }

    /**
     * What real records hold beside the bench's plain ASCII — Chinese names, descriptions with quotes, escapes and
     * line breaks, warnings, fields this version does not know with numbers and nesting of any kind — is read by
     * the fast path too, and gives what the ordinary decoding gives.
     */
    @Test
    void everydayContentStaysOnTheFastPath() {
        CountyStory county = CountyStory.create();
        EventPayload event = county.hazard("MAJOR", Instant.parse("2026-05-01T00:00:00Z")).reported("OPEN", 2);
        Map<String, Consumer<ObjectNode>> variants = new LinkedHashMap<>();
        variants.put("Chinese city and province", h -> h.put("city", "成都市").put("province", "四川省"));
        variants.put("a description with quotes, escapes and a line break",
                h -> h.put("description", "储罐区 \"1号\" 罐\n液位计失灵 \\ \u00e9 \t end"));
        variants.put("warnings", h -> h.putArray("evidenceWarnings").add("SAME_AS_FINDING_EVIDENCE").add("另一个"));
        variants.put("unknown fields of every kind", h -> {
            h.put("aNumber", -12.5e-3).put("aBig", new java.math.BigInteger("123456789012345678901234567890")).put("yes", true).putNull("nothing");
            h.putObject("nested").putArray("list").addObject().put("deep", "深").putArray("more").add(1).add(2.5);
            h.putArray("empty");
            h.putObject("emptyObject");
        });
        for (Map.Entry<String, Consumer<ObjectNode>> v : variants.entrySet()) {
            ObjectNode root = EventJson.mapper().valueToTree(event);
            v.getValue().accept((ObjectNode) root.get("hazard"));
            ConsumerRecord<String, byte[]> r = record(event, root.toString());
            FactUpdate fast = RebuildDecoder.fastOrNull(r, ZONE);
            assertThat(fast).as(v.getKey() + ": read by the fast path").isNotNull();
            assertThat(Optional.of(fast)).as(v.getKey()).isEqualTo(RebuildDecoder.slow(r, ZONE));
            assertThat(RebuildDecoder.fastOrNull(inPlace(r), ZONE)).as(v.getKey() + ", read in place").isEqualTo(fast);
        }
    }

    /**
     * Byte-level forms the compact writer never makes, each left to the ordinary decoding or read alike: the
     * same update or the same refusal either way.
     */
    @Test
    void byteLevelFormsGiveTheSameAnswerAsTheOrdinaryDecoding() {
        CountyStory county = CountyStory.create();
        EventPayload event = county.hazard("GENERAL", Instant.parse("2026-05-01T00:00:00Z")).signedOff(Instant.parse("2026-04-01T10:00:00Z"), 4);
        String json = EventJson.write(event);
        String id = "\"id\":\"";
        Map<String, String> variants = new LinkedHashMap<>();
        variants.put("whitespace between tokens", json.replace(",", " ,\n ").replace(":", " : "));
        variants.put("bytes after the value", json + " ");
        variants.put("a second value after it", json + "{}");
        variants.put("a name with an escape", json.replace(id, "\"\\u0069d\":\""));
        variants.put("an escape in a kept text", json.replace("\"grade\":\"GENERAL\"", "\"grade\":\"GENER\\u0041L\""));
        variants.put("an escape in the id", json.replace(id, id + "\\u0030").replaceFirst("(\"id\":\"\\\\u0030)[0-9a-f]", "$1"));
        // the version written as a number the compact writer never writes: with a fraction, an exponent, a leading zero …
        for (String version : List.of("4.0", "4e0", "04", "-0", "1234567890123456789", "12345678901234567890", "-")) {
            variants.put("version " + version, json.replace("\"version\":4", "\"version\":" + version));
        }
        variants.put("reopenings just over an int", json.replace("\"reopenings\":0", "\"reopenings\":2147483648"));
        variants.put("overdue misspelt", json.replace("\"overdue\":false", "\"overdue\":fals"));
        variants.put("overdue with more letters", json.replace("\"overdue\":false", "\"overdue\":falsey"));
        variants.put("a raw tab in a description", json.replace("\"description\":\"", "\"description\":\"\t"));
        variants.put("an unknown escape", json.replace("\"description\":\"", "\"description\":\"\\x"));
        variants.put("a short unicode escape", json.replace("\"description\":\"", "\"description\":\"\\u12\""));
        variants.put("an unknown field nested 40 deep", json.replace("{\"hazard\":{", "{\"hazard\":{\"deep\":" + "[".repeat(40) + "]".repeat(40) + ","));
        variants.put("an unknown field with a bad number", json.replace("{\"hazard\":{", "{\"hazard\":{\"n\":1.,"));
        variants.put("an unknown field with a bad exponent", json.replace("{\"hazard\":{", "{\"hazard\":{\"n\":1e+,"));
        variants.put("an unknown field cut short", json.replace("{\"hazard\":{", "{\"hazard\":{\"n\":[1,"));
        variants.put("a trailing comma", json.substring(0, json.length() - 1) + ",}");
        variants.put("two commas", json.replace("{\"hazard\":{", "{\"hazard\":{\"n\":1,,"));
        variants.put("an empty snapshot", "{\"hazard\":{}}");
        variants.put("an empty envelope", "{}");
        for (Map.Entry<String, String> v : variants.entrySet()) {
            assertThat(v.getValue()).as(v.getKey() + " changes the JSON").isNotEqualTo(json);
            same(v.getKey(), record(event, v.getValue()));
        }
    }

    /**
     * The rebuild reads keys and values as buffers over the fetched bytes (ByteBufferDeserializer): a value
     * in the middle of a larger array decodes as the same bytes in an array of their own, by both paths,
     * and the buffer's position is left where it was.
     */
    @Test
    void valuesReadInPlaceFromABufferDecodeAsCopiedOnes() {
        CountyStory county = CountyStory.create();
        Instant now = Instant.parse("2026-03-04T05:06:07.123456789Z");
        CountyStory.Hazard hazard = county.hazard("MAJOR", now.plus(Duration.ofDays(30)));
        for (EventPayload e : List.of(hazard.reported("OPEN", 0), hazard.signedOff(now, 5), county.registered())) {
            ConsumerRecord<String, byte[]> copied = record(e, EventJson.write(e));
            ConsumerRecord<ByteBuffer, ByteBuffer> inPlace = inPlace(copied);
            int position = inPlace.value().position();
            assertThat(RebuildDecoder.decode(inPlace, ZONE)).isEqualTo(RebuildDecoder.decode(copied, ZONE));
            assertThat(RebuildDecoder.slow(inPlace, ZONE)).isEqualTo(RebuildDecoder.slow(copied, ZONE));
            assertThat(RebuildDecoder.fastOrNull(inPlace, ZONE)).isEqualTo(RebuildDecoder.fastOrNull(copied, ZONE));
            assertThat(inPlace.value().position()).isEqualTo(position);
        }
        // poison and a missing value: the same outcome too
        ConsumerRecord<String, byte[]> poison = record(hazard.reported("OPEN", 0), "{not json");
        assertThat(outcome(() -> RebuildDecoder.decode(inPlace(poison), ZONE))).isEqualTo(outcome(() -> RebuildDecoder.decode(poison, ZONE)));
        ConsumerRecord<String, byte[]> empty = new ConsumerRecord<>("t", 0, 0L, 0L, TimestampType.CREATE_TIME, 0, 0, "k", null,
                poison.headers(), Optional.empty());
        assertThat(outcome(() -> RebuildDecoder.decode(inPlace(empty), ZONE))).isEqualTo(outcome(() -> RebuildDecoder.decode(empty, ZONE)));
    }

    /**
     * The record with key, value and every header's key and value as slices of larger arrays (bytes before and
     * after them), as a fetch holds them: the headers are read where they lie ({@link HeaderBytes}).
     */
    private static ConsumerRecord<ByteBuffer, ByteBuffer> inPlace(ConsumerRecord<String, byte[]> r) {
        RecordHeaders headers = new RecordHeaders();
        for (Header h : r.headers()) {
            headers.add(new RecordHeader(slice(h.key().getBytes(StandardCharsets.UTF_8)), h.value() == null ? null : slice(h.value())));
        }
        return new ConsumerRecord<>(r.topic(), r.partition(), r.offset(), r.timestamp(), r.timestampType(), 0, 0,
                r.key() == null ? null : slice(r.key().getBytes(StandardCharsets.UTF_8)), r.value() == null ? null : slice(r.value()),
                headers, Optional.empty());
    }

    /** Headers as a fetch makes them are read in place, not through their accessors (which make a string and an array each). */
    @Test
    void fetchedHeadersAreReadWhereTheyLie() {
        assertThat(HeaderBytes.inPlace()).as("RecordHeader's buffers readable").isTrue();
        RecordHeader fetched = new RecordHeader(slice("ce_id".getBytes(StandardCharsets.UTF_8)), slice("abc".getBytes(StandardCharsets.UTF_8)));
        assertThat(HeaderBytes.is(HeaderBytes.key(fetched), "ce_id".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(HeaderBytes.copy(HeaderBytes.value(fetched))).isEqualTo("abc".getBytes(StandardCharsets.UTF_8));
        // once made, the string and array are what is read: the same bytes
        assertThat(fetched.key()).isEqualTo("ce_id");
        assertThat(HeaderBytes.copy(HeaderBytes.key(fetched))).isEqualTo("ce_id".getBytes(StandardCharsets.UTF_8));
        assertThat(HeaderBytes.value(new RecordHeader(slice("k".getBytes(StandardCharsets.UTF_8)), null))).isNull();
        assertThat(HeaderBytes.value(new RecordHeader("k", null))).isNull();
    }

    /** The texts a decoder keeps are the same strings each time they recur, whatever collides in the cache. */
    @Test
    void recurringTextsAreOneString() {
        RebuildDecoder.RecentTexts texts = new RebuildDecoder.RecentTexts();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 10_000; i++) { // more distinct texts than slots: collisions replace, never confuse
                String s = (i % 3 == 0 ? "县" : "County ") + i;
                assertThat(texts.of(("  " + s + "  ").toCharArray(), 2, s.length())).isEqualTo(s);
            }
        }
        String again = texts.of("County 1".toCharArray(), 0, 8);
        assertThat(texts.of("xCounty 1".toCharArray(), 1, 8)).isSameAs(again);
        String longText = "x".repeat(200);
        assertThat(texts.of(longText.toCharArray(), 0, 200)).isEqualTo(longText);
    }

    private static ByteBuffer slice(byte[] bytes) {
        byte[] around = new byte[bytes.length + 23];
        java.util.Arrays.fill(around, (byte) '}');
        System.arraycopy(bytes, 0, around, 11, bytes.length);
        return ByteBuffer.wrap(around, 11, bytes.length).slice();
    }

    @Test
    void everyOtherFormGivesTheSameAnswerAsTheOrdinaryDecoding() {
        CountyStory county = CountyStory.create();
        EventPayload event = county.hazard("GENERAL", Instant.parse("2026-05-01T00:00:00Z")).signedOff(Instant.parse("2026-04-01T10:00:00Z"), 3);
        Map<String, Consumer<ObjectNode>> variants = new LinkedHashMap<>();
        assertThat(RebuildDecoder.fastOrNull(record(event), ZONE)).isNotNull();
        variants.put("as written", h -> { });
        variants.put("instant with an offset", h -> h.put("dueAt", "2026-05-01T08:00:00+08:00"));
        variants.put("instant as epoch seconds", h -> h.put("dueAt", 1_777_000_000L));
        variants.put("instant as a string of digits", h -> h.put("dueAt", "1777000000"));
        variants.put("no such day", h -> h.put("reportedAt", "2026-02-30T00:00:00Z"));
        variants.put("leap second", h -> h.put("reportedAt", "2026-12-31T23:59:60Z"));
        variants.put("fraction of nine digits", h -> h.put("signedOffAt", "2026-04-02T10:00:00.000000501Z"));
        variants.put("lower-case z", h -> h.put("signedOffAt", "2026-04-02T10:00:00z"));
        variants.put("reopenings as text", h -> h.put("reopenings", "2"));
        variants.put("reopenings too large", h -> h.put("reopenings", 3_000_000_000L));
        variants.put("version as text", h -> h.put("version", "7"));
        variants.put("version null", h -> h.putNull("version"));
        variants.put("negative version", h -> h.put("version", -1));
        variants.put("id not a UUID", h -> h.put("id", "not-a-uuid"));
        variants.put("id in upper case", h -> h.put("id", h.get("id").asText().toUpperCase()));
        variants.put("id missing", h -> h.remove("id"));
        variants.put("findingId not a UUID", h -> h.put("findingId", "x"));
        variants.put("grade unknown", h -> h.put("grade", "MINOR"));
        variants.put("grade missing", h -> h.remove("grade"));
        variants.put("county code a number", h -> h.put("countyCode", 123456));
        variants.put("county code malformed", h -> h.put("countyCode", "x"));
        variants.put("overdue as text", h -> h.put("overdue", "x"));
        variants.put("overdue null", h -> h.putNull("overdue"));
        variants.put("warnings with a null", h -> h.putArray("evidenceWarnings").add("A").addNull());
        variants.put("warnings", h -> h.putArray("evidenceWarnings").add("SAME_AS_FINDING_EVIDENCE"));
        variants.put("an unknown field", h -> h.putObject("extra").put("deep", true));
        variants.put("text with escapes and accents", h -> h.put("city", "Zürich \"\\u0041\" \n"));
        for (Map.Entry<String, Consumer<ObjectNode>> v : variants.entrySet()) {
            ObjectNode root = EventJson.mapper().valueToTree(event);
            v.getValue().accept((ObjectNode) root.get("hazard"));
            same(v.getKey(), record(event, root.toString()));
        }
        same("hazard null", record(event, "{\"hazard\":null}"));
        same("hazard twice", record(event, "{\"hazard\":" + hazardJson(event) + ",\"hazard\":{}}"));
        same("an array", record(event, "[1,2,3]"));
        same("empty", record(event, ""));
        same("blank", record(event, "  \n"));
        same("not JSON", record(event, "{not json"));
        same("truncated", record(event, EventJson.write(event).substring(0, 100)));
        String json = EventJson.write(event);
        same("no time header", record(event, json, h -> h.remove(CloudEvent.H_TIME)));
        same("time with an offset", record(event, json, h -> h.add(CloudEvent.H_TIME, "2026-04-01T18:00:00+08:00".getBytes())));
        same("time malformed", record(event, json, h -> h.add(CloudEvent.H_TIME, "yesterday".getBytes())));
        same("id malformed", record(event, json, h -> h.add(CloudEvent.H_ID, "' OR 1=1 --".getBytes())));
        same("no source", record(event, json, h -> h.remove(CloudEvent.H_SOURCE)));
        same("blank source", record(event, json, h -> h.add(CloudEvent.H_SOURCE, " ".getBytes())));
        same("old spec", record(event, json, h -> h.add(CloudEvent.H_SPECVERSION, "0.3".getBytes())));
        same("an unknown hazard event", record(event, json, h -> h.add(CloudEvent.H_TYPE, "rectify.hazard.HazardAdmired.v1".getBytes())));
        same("an inspection event", record(county.registered(), EventJson.write(county.registered())));
        // the type again in another form after the canonical one was seen (the fast path remembers types)
        same("a type that is no hazard event's", record(event, json, h -> h.add(CloudEvent.H_TYPE, "rectify.hazard.Nope.v1".getBytes())));
        same("an id that is no UUID", record(event, json, h -> h.add(CloudEvent.H_ID, "x".getBytes())));
        same("a time with an offset", record(event, json, h -> h.add(CloudEvent.H_TIME, "2026-04-01T10:00:00+01:00".getBytes())));
        same("a long time header", record(event, json, h -> h.add(CloudEvent.H_TIME, "2026-04-01T10:00:00.000000000000000000000000000000000000000000000000000000000000000000Z".getBytes())));
    }

    /**
     * A field the fast path only checks (its string is skipped, never made) with bytes that are not UTF-8:
     * the live consumers read the value as text with replacement characters; whatever the parser does with
     * the bytes (refuse them and leave the record to the ordinary way, or skip them), the outcome is the same,
     * also when the bad byte would swallow the closing quote.
     */
    @Test
    void bytesThatAreNotUtf8InASkippedFieldGiveTheSameAnswer() {
        CountyStory county = CountyStory.create();
        EventPayload event = county.hazard("GENERAL", Instant.parse("2026-05-01T00:00:00Z")).signedOff(Instant.parse("2026-04-01T10:00:00Z"), 3);
        for (byte[] bad : List.of(new byte[]{(byte) 0xC3}, new byte[]{(byte) 0xE2, (byte) 0x82}, new byte[]{(byte) 0xFF},
                new byte[]{(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, new byte[]{(byte) 0x80}, new byte[]{(byte) 0xC3, 'x'})) {
            for (String field : List.of("description", "keyTask", "city")) {
                ObjectNode root = EventJson.mapper().valueToTree(event);
                ((ObjectNode) root.get("hazard")).put(field, "ab@@");
                byte[] utf8 = root.toString().getBytes(StandardCharsets.UTF_8);
                int at = indexOf(utf8, "@@".getBytes(StandardCharsets.UTF_8));
                byte[] spliced = new byte[utf8.length - 2 + bad.length];
                System.arraycopy(utf8, 0, spliced, 0, at);
                System.arraycopy(bad, 0, spliced, at, bad.length);
                System.arraycopy(utf8, at + 2, spliced, at + bad.length, utf8.length - at - 2);
                ConsumerRecord<String, byte[]> r = record(event, "{}");
                ConsumerRecord<String, byte[]> withBytes = new ConsumerRecord<>("t", 0, 0L, 0L, TimestampType.CREATE_TIME, 0, 0, r.key(),
                        spliced, r.headers(), Optional.empty());
                same(field + " with bytes " + java.util.HexFormat.of().formatHex(bad), withBytes);
                assertThat(outcome(() -> RebuildDecoder.decode(inPlace(withBytes), ZONE))).isEqualTo(outcome(() -> RebuildDecoder.slow(withBytes, ZONE)));
            }
        }
    }

    /** The decoder's day arithmetic against LocalDate on every day of years around the edges, and the days that do not exist. */
    @Test
    void epochDaysAreLocalDatesOnes() throws Exception {
        for (int year : List.of(0, 1, 4, 100, 400, 1582, 1899, 1900, 1969, 1970, 1971, 2000, 2024, 2025, 2026, 2100, 2400, 9999)) {
            for (int month = 0; month <= 13; month++) {
                for (int day = 0; day <= 32; day++) {
                    Object expected;
                    try {
                        expected = java.time.LocalDate.of(year, month, day).toEpochDay();
                    } catch (java.time.DateTimeException e) {
                        expected = "no such day";
                    }
                    Object actual;
                    try {
                        actual = RebuildDecoder.epochDay(year, month, day);
                    } catch (Exception notCanonical) {
                        actual = "no such day";
                    }
                    assertThat(actual).as("%d-%d-%d", year, month, day).isEqualTo(expected);
                }
            }
        }
    }

    private static int indexOf(byte[] in, byte[] what) {
        for (int i = 0; i + what.length <= in.length; i++) {
            if (Arrays.equals(in, i, i + what.length, what, 0, what.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    @Test
    void slicesMergedInLogOrderGiveTheWholeChunksBatch() {
        CountyStory a = CountyStory.create();
        CountyStory b = CountyStory.create();
        CountyStory.Hazard h1 = a.hazard("MAJOR", Instant.now().plus(Duration.ofDays(3)));
        CountyStory.Hazard h2 = b.hazard("GENERAL", Instant.now().plus(Duration.ofDays(3)));
        Instant submitted = Instant.now().minus(Duration.ofDays(1));
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        records.add(record(h1.reported("OPEN", 0)));
        records.add(record(h2.signedOff(submitted, 4)));
        records.add(record(h1.signedOff(submitted, 5)));
        records.add(record(h1.reported("RECTIFYING", 0), "{not json")); // poison in the middle
        records.add(record(h1.reported("RECTIFYING", 0))); // stale
        records.add(record(h2.reopened(4))); // the same version again: the first one read stays
        records.add(record(a.registered()));
        records.add(record(h2.reported("OPEN", 0)));

        RebuildBatch whole = RebuildBatch.decode(records, ZONE);
        assertThat(whole.records).isEqualTo(8);
        assertThat(whole.skipped).isEqualTo(1);
        assertThat(whole.hazards.get(h1.id).version()).isEqualTo(5);
        assertThat(whole.hazards.get(h2.id).version()).isEqualTo(4);
        assertThat(whole.hazards.get(h2.id).fact().status()).isEqualTo("SIGNED_OFF");
        assertThat(whole.counties).containsKey(a.code);
        for (int cut = 0; cut <= records.size(); cut++) {
            RebuildBatch merged = RebuildBatch.decode(records.subList(0, cut), ZONE);
            merged.addLater(RebuildBatch.decode(records.subList(cut, records.size()), ZONE));
            assertThat(merged.records).isEqualTo(whole.records);
            assertThat(merged.skipped).isEqualTo(whole.skipped);
            assertThat(merged.inOrder).isEqualTo(whole.inOrder);
            assertThat(merged.hazards).isEqualTo(whole.hazards);
            assertThat(merged.counties).isEqualTo(whole.counties);
            assertThat(merged.knownCountiesByCode()).usingRecursiveFieldByFieldElementComparator().isEqualTo(whole.knownCountiesByCode());
            assertThat(merged.hazardsById()).isEqualTo(whole.hazardsById());
        }
    }

    private static void same(String what, ConsumerRecord<String, byte[]> r) {
        Object fast = outcome(() -> RebuildDecoder.decode(r, ZONE));
        Object slow = outcome(() -> RebuildDecoder.slow(r, ZONE));
        assertThat(fast).as(what).isEqualTo(slow);
        assertThat(outcome(() -> RebuildDecoder.decode(inPlace(r), ZONE))).as(what + ", read in place").isEqualTo(slow);
    }

    private static Object outcome(java.util.function.Supplier<Optional<FactUpdate>> decoding) {
        try {
            return decoding.get();
        } catch (IllegalArgumentException e) {
            return "refused: " + e.getMessage();
        }
    }

    private static String hazardJson(EventPayload event) {
        JsonNode root = EventJson.mapper().valueToTree(event);
        return root.get("hazard").toString();
    }

    private static ConsumerRecord<String, byte[]> record(EventPayload payload) {
        return record(payload, EventJson.write(payload));
    }

    private static ConsumerRecord<String, byte[]> record(EventPayload payload, String json) {
        return record(payload, json, h -> { });
    }

    private static ConsumerRecord<String, byte[]> record(EventPayload payload, String json, Consumer<RecordHeaders> change) {
        CloudEvent ce = new CloudEvent(UUID.randomUUID(), payload.cloudEventType(), "/test", payload.aggregateId(), Instant.now());
        RecordHeaders headers = new RecordHeaders();
        ce.headers().forEach(headers::add);
        change.accept(headers);
        return new ConsumerRecord<>("t", 0, 0L, 0L, TimestampType.CREATE_TIME, 0, 0, payload.aggregateId(),
                json.getBytes(StandardCharsets.UTF_8), headers, Optional.empty());
    }
}
