package io.rectify.contracts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The CloudEvents 1.0 attributes of one event, as carried in Kafka binary mode: each attribute is a
 * {@code ce_*} record header and the record value is the JSON payload.
 *
 * @param id      unique per event; consumers deduplicate on it
 * @param type    e.g. {@code rectify.hazard.HazardReported.v1}
 * @param source  the producing service, e.g. {@code /hazard-service}
 * @param subject the aggregate id, also the record key
 * @param time    when the fact happened
 */
public record CloudEvent(UUID id, String type, String source, String subject, Instant time) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";

    public static final String H_SPECVERSION = "ce_specversion";
    public static final String H_ID = "ce_id";
    public static final String H_TYPE = "ce_type";
    public static final String H_SOURCE = "ce_source";
    public static final String H_SUBJECT = "ce_subject";
    public static final String H_TIME = "ce_time";
    public static final String H_CONTENT_TYPE = "content-type";
    /**
     * The CloudEvents distributed-tracing extension: the W3C trace context of the change that produced the
     * event, so every consumer continues that trace. Optional: absent when tracing is off.
     */
    public static final String H_TRACEPARENT = "ce_traceparent";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
    }

    /** The full CloudEvents type of an event: {@code rectify.<domain>.<Name>.v1}. */
    public static String typeOf(String domain, String eventName) {
        return "rectify." + domain + "." + eventName + ".v1";
    }

    /** The event name inside a type: {@code rectify.hazard.HazardReported.v1 -> HazardReported}. */
    public static String nameOf(String type) {
        if (type == null) {
            return null;
        }
        String[] parts = type.split("\\.");
        return parts.length >= 4 ? parts[parts.length - 2] : type;
    }

    /** The record headers of binary mode, in a stable order. */
    public Map<String, byte[]> headers() {
        Map<String, byte[]> h = new LinkedHashMap<>();
        h.put(H_SPECVERSION, bytes(SPEC_VERSION));
        h.put(H_ID, bytes(id.toString()));
        h.put(H_TYPE, bytes(type));
        h.put(H_SOURCE, bytes(source));
        if (subject != null) {
            h.put(H_SUBJECT, bytes(subject));
        }
        h.put(H_TIME, bytes(time.toString()));
        h.put(H_CONTENT_TYPE, bytes(CONTENT_TYPE));
        return h;
    }

    /**
     * Reads the attributes back from record headers.
     *
     * @throws IllegalArgumentException when a required attribute is missing or malformed (a poison record)
     */
    public static CloudEvent fromHeaders(Map<String, byte[]> headers) {
        String specVersion = text(headers, H_SPECVERSION);
        if (!SPEC_VERSION.equals(specVersion)) {
            throw new IllegalArgumentException("unsupported or missing ce_specversion: " + specVersion);
        }
        String id = required(headers, H_ID);
        String type = required(headers, H_TYPE);
        String source = required(headers, H_SOURCE);
        String time = required(headers, H_TIME);
        try {
            return new CloudEvent(UUID.fromString(id), type, source, text(headers, H_SUBJECT), Instant.parse(time));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("malformed CloudEvents header: " + e.getMessage(), e);
        }
    }

    private static String required(Map<String, byte[]> headers, String name) {
        String value = text(headers, name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing header " + name);
        }
        return value;
    }

    private static String text(Map<String, byte[]> headers, String name) {
        byte[] raw = headers.get(name);
        return raw == null ? null : new String(raw, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
