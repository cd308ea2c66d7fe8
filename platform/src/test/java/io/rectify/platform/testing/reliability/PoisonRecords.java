package io.rectify.platform.testing.reliability;

import io.rectify.contracts.CloudEvent;
import io.rectify.platform.testing.TopicProbe;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * R6: the poison a consumer of {@code topic} must park on its dead-letter topic while carrying on:
 * a value that is not JSON, JSON of the wrong shape behind a valid envelope, no CloudEvents headers,
 * an empty value, an envelope whose id is not a UUID. Also reads the consumer's dead-letter counter
 * from {@code /q/metrics}.
 */
public final class PoisonRecords {

    public record Poison(String kind, String value, Map<String, String> headers) {
    }

    private PoisonRecords() {
    }

    /** Poison records that look as if they were events of type {@code eventType} (e.g. {@code CloudEvent.typeOf("hazard", "HazardReported")}). */
    public static List<Poison> of(String eventType, String subject) {
        return List.of(
                new Poison("not JSON", "{not json at all", envelope(eventType, subject, UUID.randomUUID().toString())),
                new Poison("wrong shape, valid envelope", "{\"unexpected\":[1,2,3],\"hazardId\":{\"nested\":true}}",
                        envelope(eventType, subject, UUID.randomUUID().toString())),
                new Poison("JSON array, valid envelope", "[1,2,3]", envelope(eventType, subject, UUID.randomUUID().toString())),
                new Poison("no ce_ headers", "{\"hazardId\":\"" + UUID.randomUUID() + "\"}", Map.of()),
                new Poison("empty value", "", envelope(eventType, subject, UUID.randomUUID().toString())),
                new Poison("ce_id not a UUID", "{}", envelope(eventType, subject, "' OR 1=1 --")));
    }

    private static Map<String, String> envelope(String type, String subject, String id) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put(CloudEvent.H_SPECVERSION, CloudEvent.SPEC_VERSION);
        h.put(CloudEvent.H_ID, id);
        h.put(CloudEvent.H_TYPE, type);
        h.put(CloudEvent.H_SOURCE, "/poison");
        h.put(CloudEvent.H_SUBJECT, subject);
        h.put(CloudEvent.H_TIME, Instant.now().toString());
        h.put(CloudEvent.H_CONTENT_TYPE, CloudEvent.CONTENT_TYPE);
        return h;
    }

    /** Publishes every poison record on {@code topic} under {@code key}; returns how many. */
    public static int publish(TopicProbe probe, String topic, String key, List<Poison> poison) {
        for (Poison p : poison) {
            probe.publishRaw(topic, key, p.value(), p.headers());
        }
        return poison.size();
    }

    /** {@code rectify_consumer_dead_lettered_total} of {@code consumer}, summed over its topics. */
    public static double deadLettered(URI base, String consumer) {
        try {
            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/q/metrics")).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
            Matcher m = Pattern.compile("(?m)^rectify_consumer_dead_lettered_total\\{([^}]*)} ([0-9.eE+-]+)(?: .*)?$").matcher(metrics);
            double total = 0;
            while (m.find()) {
                if (m.group(1).contains("consumer=\"" + consumer + "\"")) {
                    total += Double.parseDouble(m.group(2));
                }
            }
            return total;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
