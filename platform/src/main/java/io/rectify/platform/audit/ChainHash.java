package io.rectify.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.erdtman.jcs.NumberToJSON;

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
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
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

    /**
     * RFC 8785 canonical form of a JSON tree, written straight from the tree: properties sorted by their
     * UTF-16 code units, strings escaped as ECMAScript's JSON.stringify does (backslash escapes for
     * backspace, tab, newline, form feed, carriage return, quote and backslash, other control characters as
     * a lower-case six-character unicode escape, everything else as it is), numbers as
     * ECMAScript prints the double they parse to ({@link NumberToJSON}). The bytes are those of
     * {@code JsonCanonicalizer} over Jackson's text of the same tree, which this replaces because it wrote
     * and parsed every entry twice more (10.9 % of hazard-service's CPU at P1, bench/RESULTS.md run 14);
     * ChainHashCanonicalTest holds the two to the same bytes, or chains written before would stop verifying.
     */
    public static String canonical(JsonNode node) {
        StringBuilder out = new StringBuilder(512);
        write(node, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<String> names = new ArrayList<>(node.size());
                node.fieldNames().forEachRemaining(names::add);
                Collections.sort(names); // String order is UTF-16 code-unit order, as RFC 8785 asks
                out.append('{');
                for (int i = 0; i < names.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    string(names.get(i), out);
                    out.append(':');
                    write(node.get(names.get(i)), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(node.get(i), out);
                }
                out.append(']');
            }
            case STRING -> string(node.textValue(), out);
            case NUMBER -> {
                try {
                    out.append(NumberToJSON.serializeNumber(node.doubleValue()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            default -> throw new IllegalArgumentException("no canonical JSON for a " + node.getNodeType() + " node");
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

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
