package io.rectify.contracts;

import com.fasterxml.jackson.databind.JsonNode;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Compares a payload record with its schema, component by component and into nested records and lists,
 * so the two cannot drift apart: a field added to the record needs its schema property, and the other way round.
 */
final class SchemaShape {

    /** A schema node and the classpath file it sits in (relative {@code $ref}s resolve against the file). */
    record Located(JsonNode node, String file) {
    }

    private static final Map<Class<?>, String> JSON_TYPES = Map.ofEntries(
            Map.entry(String.class, "string"), Map.entry(UUID.class, "string"),
            Map.entry(Instant.class, "string"), Map.entry(LocalDate.class, "string"),
            Map.entry(int.class, "integer"), Map.entry(Integer.class, "integer"),
            Map.entry(long.class, "integer"), Map.entry(Long.class, "integer"),
            Map.entry(boolean.class, "boolean"), Map.entry(Boolean.class, "boolean"),
            Map.entry(BigDecimal.class, "number"), Map.entry(List.class, "array"));
    private static final Map<Class<?>, String> FORMATS = Map.of(
            UUID.class, "uuid", Instant.class, "date-time", LocalDate.class, "date");

    private SchemaShape() {
    }

    /** What differs between the record and the schema document at {@code schemaPath}; empty when they agree. */
    static List<String> differences(Class<?> record, String schemaPath) {
        List<String> problems = new ArrayList<>();
        compareRecord(record, resolve(new Located(EventCatalog.readTree(schemaPath), schemaPath)), record.getSimpleName(), problems);
        return problems;
    }

    /** Follows {@code $ref}s (ignoring sibling constraints, which only narrow the target). */
    static Located resolve(Located at) {
        JsonNode ref = at.node().get("$ref");
        if (ref == null) {
            return at;
        }
        String[] parts = ref.asText().split("#", 2);
        String file = parts[0].isEmpty() ? at.file() : URI.create(at.file()).resolve(parts[0]).toString();
        JsonNode document = EventCatalog.readTree(file);
        JsonNode target = parts.length == 2 && !parts[1].isEmpty() ? document.at(parts[1]) : document;
        if (target.isMissingNode()) {
            throw new AssertionError("unresolvable $ref " + ref.asText() + " in " + at.file());
        }
        return resolve(new Located(target, file));
    }

    private static void compareRecord(Class<?> record, Located schema, String where, List<String> problems) {
        JsonNode properties = schema.node().path("properties");
        Set<String> components = new TreeSet<>(Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList());
        Set<String> declared = new TreeSet<>();
        properties.fieldNames().forEachRemaining(declared::add);
        if (!components.equals(declared)) {
            problems.add(where + ": record components " + components + " but schema properties " + declared);
        }
        for (RecordComponent component : record.getRecordComponents()) {
            JsonNode property = properties.get(component.getName());
            if (property != null) {
                compareValue(component.getGenericType(), new Located(property, schema.file()), where + "." + component.getName(), problems);
            }
        }
    }

    private static void compareValue(Type javaType, Located property, String where, List<String> problems) {
        Located resolved = resolve(property);
        JsonNode node = resolved.node();
        Class<?> raw = javaType instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) javaType;
        if (raw.isRecord()) {
            expectType(node, "object", where, problems);
            compareRecord(raw, resolved, where, problems);
            return;
        }
        if (raw == String.class && node.has("enum")) {
            node.get("enum").forEach(value -> {
                if (!value.isTextual()) {
                    problems.add(where + ": enum value " + value + " is not a string");
                }
            });
            return;
        }
        String expected = JSON_TYPES.get(raw);
        if (expected == null) {
            problems.add(where + ": no JSON mapping known for " + javaType);
            return;
        }
        expectType(node, expected, where, problems);
        if (FORMATS.containsKey(raw) && !FORMATS.get(raw).equals(node.path("format").asText())) {
            problems.add(where + ": " + raw.getSimpleName() + " needs format " + FORMATS.get(raw) + ", schema says " + node.path("format"));
        }
        if (raw == List.class) {
            Type element = ((ParameterizedType) javaType).getActualTypeArguments()[0];
            compareValue(element, new Located(node.path("items"), resolved.file()), where + "[]", problems);
        }
    }

    private static void expectType(JsonNode node, String expected, String where, List<String> problems) {
        if (!expected.equals(node.path("type").asText())) {
            problems.add(where + ": expected type " + expected + ", schema says " + node.path("type"));
        }
    }
}
