package io.rectify.scoring.service;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.rectify.contracts.CloudEvent;
import io.rectify.contracts.EventJson;
import io.rectify.contracts.hazard.HazardEvent;
import io.rectify.contracts.hazard.HazardSnapshot;
import io.rectify.platform.inbox.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/**
 * Decodes the records a rebuild reads, as {@link FactUpdates#decode} of {@link IncomingEvent#of} would,
 * but faster for the bulk of the log: a hazard event whose headers and snapshot are in the canonical form
 * producers write (ISO instants in UTC, UUIDs in their 36-character form, every known field of its JSON
 * type) is read with a streaming parser straight from the record's bytes, keeping only the fields scoring
 * needs, and then checked by the same {@link FactUpdates#hazard(HazardSnapshot, ZoneId)}. Anything else —
 * another event, an unusual header or value, a field in any other form Jackson would also accept or
 * refuse — goes the ordinary way ({@link #slow}), so both paths give the same update or the same refusal.
 */
final class RebuildDecoder {

    private static final JsonFactory JSON = EventJson.mapper().getFactory();
    private static final String HAZARD_TYPES = "rectify.hazard.";

    /** The fast path could not decide: take the ordinary one. */
    private static final class NotCanonical extends Exception {
        NotCanonical() {
            super(null, null, false, false);
        }
    }

    private static final NotCanonical NOT_CANONICAL = new NotCanonical();

    private RebuildDecoder() {
    }

    /**
     * @return the fact change, or empty for an event scoring does not use
     * @throws IllegalArgumentException for a record scoring cannot use (poison)
     */
    static Optional<FactUpdate> decode(ConsumerRecord<?, ?> record, ZoneId zone) {
        FactUpdate update = fastOrNull(record, zone);
        return update != null ? Optional.of(update) : slow(record, zone);
    }

    /** The fast path alone: null when the record is not a hazard event in canonical form. */
    static FactUpdate fastOrNull(ConsumerRecord<?, ?> record, ZoneId zone) {
        try {
            return fast(record, zone);
        } catch (NotCanonical | IOException e) {
            return null;
        }
    }

    /**
     * The ordinary way, as the live consumers decode (key and value read as UTF-8 text, as their
     * deserializers do). Key and value may be byte arrays or byte buffers (a rebuild reads them as buffers
     * over the fetched bytes, not copied).
     */
    static Optional<FactUpdate> slow(ConsumerRecord<?, ?> record, ZoneId zone) {
        ConsumerRecord<String, String> text = new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.timestampType(), record.serializedKeySize(), record.serializedValueSize(), text(record.key()), text(record.value()),
                record.headers(), record.leaderEpoch());
        return FactUpdates.decode(IncomingEvent.of(text), zone);
    }

    /** A key or value as the live consumers' StringDeserializer reads it (UTF-8; null stays null). */
    private static String text(Object bytes) {
        if (bytes == null || bytes instanceof String) {
            return (String) bytes;
        }
        if (bytes instanceof byte[] array) {
            return new String(array, StandardCharsets.UTF_8);
        }
        ByteBuffer buffer = ((ByteBuffer) bytes).duplicate(); // the record's own position stays where it is
        byte[] copy = new byte[buffer.remaining()]; // rare (not the canonical form): copied, decoded exactly as a byte[] is
        buffer.get(copy);
        return new String(copy, StandardCharsets.UTF_8);
    }

    private static FactUpdate fast(ConsumerRecord<?, ?> record, ZoneId zone) throws NotCanonical, IOException {
        checkHeaders(record);
        HazardSnapshot hazard = null;
        try (JsonParser p = parser(record.value())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw NOT_CANONICAL;
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                if (t != JsonToken.FIELD_NAME) {
                    throw NOT_CANONICAL;
                }
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (name.equals("hazard")) {
                    if (hazard != null || v != JsonToken.START_OBJECT) {
                        throw NOT_CANONICAL;
                    }
                    hazard = snapshot(p);
                } else {
                    p.skipChildren(); // an envelope field scoring does not read (ignored by the binding too)
                }
            }
        }
        if (hazard == null) {
            throw NOT_CANONICAL;
        }
        return FactUpdates.hazard(hazard, zone);
    }

    /** A parser over the value's bytes where they lie (a heap buffer's array is read in place, not copied). */
    private static JsonParser parser(Object value) throws IOException, NotCanonical {
        if (value instanceof byte[] array) {
            return JSON.createParser(array);
        }
        if (value instanceof ByteBuffer buffer) {
            if (buffer.hasArray()) {
                return JSON.createParser(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
            }
            byte[] copy = new byte[buffer.remaining()];
            buffer.duplicate().get(copy);
            return JSON.createParser(copy);
        }
        throw NOT_CANONICAL; // null (or anything else): the ordinary way decides
    }

    /**
     * The headers of a hazard event in canonical form (the last of a repeated header counts, as in IncomingEvent),
     * read as the fetched bytes ({@link HeaderBytes}): no string per key, no array per value.
     */
    private static void checkHeaders(ConsumerRecord<?, ?> record) throws NotCanonical {
        ByteBuffer spec = null, id = null, type = null, source = null, time = null;
        for (Header h : record.headers()) {
            ByteBuffer key = HeaderBytes.key(h); // compared by length first: most keys are told apart by that alone
            if (HeaderBytes.is(key, K_ID)) {
                id = valueOrNotCanonical(h);
            } else if (HeaderBytes.is(key, K_TYPE)) {
                type = valueOrNotCanonical(h);
            } else if (HeaderBytes.is(key, K_TIME)) {
                time = valueOrNotCanonical(h);
            } else if (HeaderBytes.is(key, K_SOURCE)) {
                source = valueOrNotCanonical(h);
            } else if (HeaderBytes.is(key, K_SPECVERSION)) {
                spec = valueOrNotCanonical(h);
            }
        }
        if (spec == null || id == null || type == null || source == null || time == null
                || !HeaderBytes.is(spec, SPEC_VERSION) || !printableNotBlank(source) || !hazardType(type)) {
            throw NOT_CANONICAL;
        }
        // read as their ASCII characters into this thread's buffer: no string per header (a blank or non-ASCII one is not canonical)
        char[] chars = HEADER_CHARS.get();
        uuid(chars, 0, asciiChars(id, chars));
        instant(chars, 0, asciiChars(time, chars));
    }

    /** A header's value; a header without one (IncomingEvent: absent) is not canonical. */
    private static ByteBuffer valueOrNotCanonical(Header h) throws NotCanonical {
        ByteBuffer value = HeaderBytes.value(h);
        if (value == null) {
            throw NOT_CANONICAL;
        }
        return value;
    }

    private static final byte[] K_ID = ascii7(CloudEvent.H_ID);
    private static final byte[] K_TYPE = ascii7(CloudEvent.H_TYPE);
    private static final byte[] K_TIME = ascii7(CloudEvent.H_TIME);
    private static final byte[] K_SOURCE = ascii7(CloudEvent.H_SOURCE);
    private static final byte[] K_SPECVERSION = ascii7(CloudEvent.H_SPECVERSION);
    private static final byte[] SPEC_VERSION = ascii7(CloudEvent.SPEC_VERSION);
    private static final ThreadLocal<char[]> HEADER_CHARS = ThreadLocal.withInitial(() -> new char[64]);

    private static byte[] ascii7(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Not what {@code ascii(source).isBlank()} refuses: a byte that is not ASCII or a control character, or nothing but spaces. */
    private static boolean printableNotBlank(ByteBuffer bytes) {
        boolean blank = true;
        for (int i = bytes.position(); i < bytes.limit(); i++) {
            byte b = bytes.get(i);
            if (b < 0x20) { // negative: not ASCII; control characters: not canonical
                return false;
            }
            blank &= b == ' ';
        }
        return !blank;
    }

    /** The types seen, with whether each is a hazard event's: a few distinct values, looked up without a string. */
    private static final ThreadLocal<java.util.List<Object[]>> TYPES = ThreadLocal.withInitial(java.util.ArrayList::new);

    private static boolean hazardType(ByteBuffer type) throws NotCanonical {
        java.util.List<Object[]> seen = TYPES.get();
        for (Object[] known : seen) {
            if (HeaderBytes.is(type, (byte[]) known[0])) {
                return (Boolean) known[1];
            }
        }
        byte[] bytes = HeaderBytes.copy(type);
        String t = ascii(bytes);
        boolean hazard = t.startsWith(HAZARD_TYPES) && HazardEvent.NAMES.contains(CloudEvent.nameOf(t));
        if (seen.size() < 64) {
            seen.add(new Object[]{bytes, hazard});
        }
        return hazard;
    }

    /** The bytes as characters into {@code chars}, if they are plain ASCII and fit; @return how many */
    private static int asciiChars(ByteBuffer bytes, char[] chars) throws NotCanonical {
        int from = bytes.position();
        int n = bytes.limit() - from;
        if (n > chars.length) {
            throw NOT_CANONICAL; // longer than any UUID or canonical instant
        }
        for (int i = 0; i < n; i++) {
            byte b = bytes.get(from + i);
            if (b < 0x20) {
                throw NOT_CANONICAL;
            }
            chars[i] = (char) b;
        }
        return n;
    }

    /** The bytes as text if they are plain ASCII (the canonical headers are). */
    private static String ascii(byte[] bytes) throws NotCanonical {
        for (byte b : bytes) {
            if (b < 0x20) { // negative: not ASCII; control characters: not canonical
                throw NOT_CANONICAL;
            }
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static HazardSnapshot snapshot(JsonParser p) throws IOException, NotCanonical {
        UUID id = null, findingId = null, inspectionId = null;
        String countyCode = null, city = null, province = null, grade = null, status = null;
        Instant reportedAt = null, dueAt = null, submittedAt = null, signedOffAt = null;
        int reopenings = 0;
        long version = 0;
        long seen = 0; // a field named twice is left to the binding
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            if (t != JsonToken.FIELD_NAME) {
                throw NOT_CANONICAL;
            }
            String name = p.currentName();
            JsonToken v = p.nextToken();
            int field = switch (name) {
                case "id" -> 0;
                case "source" -> 1;
                case "findingId" -> 2;
                case "inspectionId" -> 3;
                case "enterpriseCreditCode" -> 4;
                case "countyCode" -> 5;
                case "city" -> 6;
                case "province" -> 7;
                case "keyTask" -> 8;
                case "grade" -> 9;
                case "majorCriterion" -> 10;
                case "description" -> 11;
                case "status" -> 12;
                case "reportedAt" -> 13;
                case "dueAt" -> 14;
                case "overdue" -> 15;
                case "supervisionLevel" -> 16;
                case "rejections" -> 17;
                case "extensions" -> 18;
                case "reopenings" -> 19;
                case "rectificationSubmittedAt" -> 20;
                case "signedOffAt" -> 21;
                case "version" -> 22;
                case "evidenceWarnings" -> 23;
                case "keyTaskVersion" -> 24;
                default -> -1;
            };
            if (field < 0) {
                p.skipChildren(); // unknown to the snapshot: ignored by the binding too
                continue;
            }
            if ((seen & (1L << field)) != 0) {
                throw NOT_CANONICAL;
            }
            seen |= 1L << field;
            switch (field) {
                case 0 -> id = uuidOrNull(p, v);
                case 2 -> findingId = uuidOrNull(p, v);
                case 3 -> inspectionId = uuidOrNull(p, v);
                case 1, 4, 8, 10, 11, 16 -> { // checked, not kept: the string itself is skipped by the parser, never made
                    if (v != JsonToken.VALUE_STRING && v != JsonToken.VALUE_NULL) {
                        throw NOT_CANONICAL;
                    }
                }
                case 5 -> countyCode = text(p, v);
                case 6 -> city = text(p, v);
                case 7 -> province = text(p, v);
                case 9 -> grade = text(p, v);
                case 12 -> status = text(p, v);
                case 13 -> reportedAt = instantOrNull(p, v);
                case 14 -> dueAt = instantOrNull(p, v);
                case 20 -> submittedAt = instantOrNull(p, v);
                case 21 -> signedOffAt = instantOrNull(p, v);
                case 15 -> {
                    if (v != JsonToken.VALUE_TRUE && v != JsonToken.VALUE_FALSE) {
                        throw NOT_CANONICAL;
                    }
                }
                case 17, 18 -> integer(p, v);
                case 19 -> reopenings = integer(p, v);
                case 22 -> {
                    if (v != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                        throw NOT_CANONICAL;
                    }
                    version = p.getLongValue();
                }
                case 23 -> {
                    if (v == JsonToken.START_ARRAY) {
                        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                            if (e != JsonToken.VALUE_STRING) {
                                throw NOT_CANONICAL;
                            }
                        }
                    } else if (v != JsonToken.VALUE_NULL) {
                        throw NOT_CANONICAL;
                    }
                }
                case 24 -> {
                    if (v != JsonToken.VALUE_NULL) {
                        integer(p, v);
                    }
                }
                default -> throw NOT_CANONICAL;
            }
        }
        // only the fields FactUpdates.hazard reads are kept; the others were checked as the binding would
        return new HazardSnapshot(id, null, findingId, inspectionId, null, countyCode, city, province, null, grade, null, null, status,
                reportedAt, dueAt, false, null, 0, 0, reopenings, submittedAt, signedOffAt, version, null, null);
    }

    private static String text(JsonParser p, JsonToken v) throws IOException, NotCanonical {
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        if (v != JsonToken.VALUE_STRING) {
            throw NOT_CANONICAL; // numbers or booleans as text: the binding's coercion decides
        }
        return TEXTS.get().of(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    }

    /**
     * The texts kept (county code, city, province, grade, status) are a few hundred distinct values over a
     * million records: each decoding thread hands out the one string it made for a text, not a new one per
     * record, which also arrive with their hash computed for the maps they go into.
     */
    private static final ThreadLocal<RecentTexts> TEXTS = ThreadLocal.withInitial(RecentTexts::new);

    /** A direct-mapped cache of strings by their characters: a text that collides replaces the one there. */
    static final class RecentTexts {

        private static final int LONGEST = 64;
        private final String[] slots = new String[4096];

        String of(char[] c, int off, int len) {
            if (len > LONGEST) {
                return new String(c, off, len);
            }
            int h = 0;
            for (int i = 0; i < len; i++) {
                h = 31 * h + c[off + i];
            }
            int slot = (h ^ (h >>> 12)) & (slots.length - 1);
            String s = slots[slot];
            if (s != null && s.length() == len && same(s, c, off)) {
                return s;
            }
            s = new String(c, off, len);
            slots[slot] = s;
            return s;
        }

        private static boolean same(String s, char[] c, int off) {
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) != c[off + i]) {
                    return false;
                }
            }
            return true;
        }
    }

    private static int integer(JsonParser p, JsonToken v) throws IOException, NotCanonical {
        if (v != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
            throw NOT_CANONICAL;
        }
        return p.getIntValue();
    }

    private static UUID uuidOrNull(JsonParser p, JsonToken v) throws IOException, NotCanonical {
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        if (v != JsonToken.VALUE_STRING) {
            throw NOT_CANONICAL;
        }
        return uuid(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    }

    private static Instant instantOrNull(JsonParser p, JsonToken v) throws IOException, NotCanonical {
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        if (v != JsonToken.VALUE_STRING) {
            throw NOT_CANONICAL;
        }
        return instant(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    }

    /** A UUID in its canonical 36-character form (lower or upper case hex). */
    static UUID uuid(char[] c, int off, int len) throws NotCanonical {
        if (len != 36 || c[off + 8] != '-' || c[off + 13] != '-' || c[off + 18] != '-' || c[off + 23] != '-') {
            throw NOT_CANONICAL;
        }
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 36; i++) {
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                continue;
            }
            int d = Character.digit(c[off + i], 16);
            if (d < 0 || c[off + i] > 'f') {
                throw NOT_CANONICAL;
            }
            if (i < 19) {
                hi = (hi << 4) | d;
            } else {
                lo = (lo << 4) | d;
            }
        }
        return new UUID(hi, lo);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, a valid date and time of day (no leap second): what ISO_INSTANT reads it as. */
    static Instant instant(char[] c, int off, int len) throws NotCanonical {
        if (len < 20 || len > 30 || c[off + 4] != '-' || c[off + 7] != '-' || c[off + 10] != 'T' || c[off + 13] != ':'
                || c[off + 16] != ':' || c[off + len - 1] != 'Z') {
            throw NOT_CANONICAL;
        }
        int year = digits(c, off, 4);
        int month = digits(c, off + 5, 2);
        int day = digits(c, off + 8, 2);
        int hour = digits(c, off + 11, 2);
        int minute = digits(c, off + 14, 2);
        int second = digits(c, off + 17, 2);
        int nanos = 0;
        if (len > 20) {
            if (c[off + 19] != '.' || len == 21) {
                throw NOT_CANONICAL;
            }
            int fraction = len - 21;
            nanos = digits(c, off + 20, fraction);
            for (int i = fraction; i < 9; i++) {
                nanos *= 10;
            }
        }
        if (hour > 23 || minute > 59 || second > 59) {
            throw NOT_CANONICAL;
        }
        return Instant.ofEpochSecond(epochDay(year, month, day) * 86_400 + hour * 3600L + minute * 60L + second, nanos);
    }

    /**
     * {@code LocalDate.of(year, month, day).toEpochDay()} for the years 0 to 9999 (four digits), without
     * making a date: a day that does not exist (month 13, 30 February, 29 February of a common year) is not
     * canonical, where LocalDate.of throws. RebuildDecoderTest compares the two on every day of several years.
     */
    static long epochDay(int year, int month, int day) throws NotCanonical {
        boolean leap = (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
        if (month < 1 || month > 12 || day < 1 || day > (month == 2 ? (leap ? 29 : 28) : 31 - (month - 1) % 7 % 2)) {
            throw NOT_CANONICAL;
        }
        long total = 365L * year + (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400; // year >= 0
        total += (367 * month - 362) / 12;
        total += day - 1;
        if (month > 2) {
            total -= leap ? 1 : 2;
        }
        return total - 719_528; // days from 0000-01-01 to 1970-01-01
    }

    private static int digits(char[] c, int off, int n) throws NotCanonical {
        int value = 0;
        for (int i = 0; i < n; i++) {
            char ch = c[off + i];
            if (ch < '0' || ch > '9') {
                throw NOT_CANONICAL;
            }
            value = value * 10 + (ch - '0');
        }
        return value;
    }
}
