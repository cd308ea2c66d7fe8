package io.rectify.platform.testing.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rectify.contracts.CreditCode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Plausible values for a JSON schema: the baseline body a hostile request is one mutation away from.
 * The baseline itself is never sent; it only has to be close enough to valid that each mutation is
 * the reason for the refusal.
 */
final class SchemaValues {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String VALID_CREDIT_CODE = CreditCode.complete("91510781MA6ABC123");
    private static final List<String> PATTERN_CANDIDATES = List.of("510781", VALID_CREDIT_CODE, "Sichuan", "x", "ABC", "A1",
            "2030-01-01", "P30D", "sichuan-2030", "+8613800000000", "13800000000");

    private final OpenApiDocument doc;

    SchemaValues(OpenApiDocument doc) {
        this.doc = doc;
    }

    /** The schema's type, the first non-null one when OpenAPI 3.1 lists several; {@code null} when untyped. */
    static String typeOf(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            if (schema.has("properties")) {
                return "object";
            }
            if (schema.has("enum")) {
                return "string";
            }
            return null;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
            return "null";
        }
        return type.asText();
    }

    static boolean isCreditCodeField(String name) {
        return name.toLowerCase(Locale.ROOT).contains("creditcode");
    }

    JsonNode resolve(JsonNode schema) {
        return doc.resolve(schema);
    }

    JsonNode example(JsonNode raw, String name, int depth) {
        JsonNode s = resolve(raw);
        if (s.has("enum") && s.get("enum").size() > 0) {
            for (JsonNode v : s.get("enum")) {
                if (!v.isNull()) {
                    return v;
                }
            }
        }
        if (s.has("default") && !s.get("default").isNull()) {
            return s.get("default");
        }
        String type = typeOf(s);
        if (type == null) {
            return NODES.textNode("x");
        }
        return switch (type) {
            case "string" -> NODES.textNode(exampleString(s, name));
            case "integer" -> NODES.numberNode(s.has("minimum") ? Math.max(s.get("minimum").asLong(), s.has("maximum") ? Math.min(1, s.get("maximum").asLong()) : 1) : 1);
            case "number" -> NODES.numberNode(s.has("minimum") ? Math.max(s.get("minimum").asDouble(), 1) : 1);
            case "boolean" -> NODES.booleanNode(true);
            case "array" -> {
                ArrayNode a = NODES.arrayNode();
                if (depth < 6) {
                    a.add(example(s.path("items"), name, depth + 1));
                }
                yield a;
            }
            case "object" -> {
                ObjectNode o = NODES.objectNode();
                if (depth < 6) {
                    for (Iterator<Map.Entry<String, JsonNode>> it = s.path("properties").fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> p = it.next();
                        o.set(p.getKey(), example(p.getValue(), p.getKey(), depth + 1));
                    }
                }
                yield o;
            }
            default -> NODES.nullNode();
        };
    }

    private static String exampleString(JsonNode s, String name) {
        String format = s.path("format").asText("");
        switch (format) {
            case "uuid":
                return UUID.randomUUID().toString();
            case "date":
                return LocalDate.now().plusDays(30).toString();
            case "date-time":
                return Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
            case "email":
                return "someone@example.com";
            case "uri":
            case "url":
                return "https://example.com/hook";
            default:
                break;
        }
        if (name != null && isCreditCodeField(name)) {
            return VALID_CREDIT_CODE;
        }
        if (s.has("pattern")) {
            Pattern p = Pattern.compile(s.get("pattern").asText());
            for (String candidate : PATTERN_CANDIDATES) {
                if (p.matcher(candidate).find()) {
                    return candidate;
                }
            }
        }
        int min = s.path("minLength").asInt(1);
        return "x".repeat(Math.max(1, min));
    }

    /** Body properties, resolved, of an object schema. */
    static Iterator<Map.Entry<String, JsonNode>> properties(JsonNode objectSchema) {
        return objectSchema.path("properties").fields();
    }
}
