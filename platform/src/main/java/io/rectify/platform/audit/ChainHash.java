package io.rectify.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.erdtman.jcs.JsonCanonicalizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/**
 * The hash of one chain entry: SHA-256 (hex) of the RFC 8785 canonical JSON of
 * {@code {"trail", "aggregateId", "seq", "prev", "entry": {column: value, …}}}. Values are normalised
 * so that what a writer hands in and what the database gives back hash alike: instants at microsecond
 * precision in UTC ({@code 2026-12-03T09:28:16.123456Z}), numerics as plain decimal strings without
 * trailing zeros, UUIDs and dates as text, JSON documents as JSON. Pure: no database, no Quarkus.
 */
public final class ChainHash {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private ChainHash() {
    }

    public static String of(String trail, String aggregateId, long seq, String prevHash, Map<String, Object> entry) {
        ObjectNode content = NODES.objectNode();
        entry.forEach((column, value) -> content.set(column, node(value)));
        ObjectNode document = NODES.objectNode();
        document.put("trail", trail);
        document.put("aggregateId", aggregateId);
        document.put("seq", seq);
        document.put("prev", prevHash);
        document.set("entry", content);
        return sha256(canonical(document));
    }

    /** RFC 8785 canonical form of a JSON tree. */
    public static String canonical(JsonNode node) {
        try {
            return new JsonCanonicalizer(JSON.writeValueAsString(node)).getEncodedString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An instant as the database keeps it: microseconds (PostgreSQL rounds, so truncate before writing). */
    public static Instant micros(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    static JsonNode node(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof AuditJson json) {
            try {
                return JSON.readTree(json.json());
            } catch (IOException e) {
                throw new IllegalArgumentException("not JSON: " + json.json(), e);
            }
        }
        if (value instanceof String s) {
            return NODES.textNode(s);
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return NODES.numberNode(((Number) value).longValue());
        }
        if (value instanceof BigDecimal d) {
            return NODES.textNode(d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString());
        }
        if (value instanceof Instant i) {
            return NODES.textNode(MICROS.format(micros(i)));
        }
        if (value instanceof OffsetDateTime t) {
            return node(t.toInstant());
        }
        if (value instanceof Timestamp t) {
            return node(t.toInstant());
        }
        if (value instanceof UUID || value instanceof LocalDate || value instanceof Enum<?>) {
            return NODES.textNode(value instanceof Enum<?> e ? e.name() : value.toString());
        }
        throw new IllegalArgumentException("no audit form for " + value.getClass().getName());
    }
}
