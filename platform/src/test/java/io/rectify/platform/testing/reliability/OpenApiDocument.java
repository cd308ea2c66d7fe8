package io.rectify.platform.testing.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A service's own OpenAPI document ({@code /q/openapi?format=json}), read as the list of its operations. */
public final class OpenApiDocument {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    private final JsonNode root;

    public OpenApiDocument(JsonNode root) {
        this.root = root;
    }

    /** Fetches the document of the application listening at {@code base} (e.g. {@code http://localhost:8081/}). */
    public static OpenApiDocument fetch(URI base) {
        try {
            HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                    HttpRequest.newBuilder(base.resolve("/q/openapi?format=json")).header("Accept", "application/json")
                            .timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("GET /q/openapi answered " + answer.statusCode());
            }
            return new OpenApiDocument(JSON.readTree(answer.body()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the OpenAPI document", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every operation whose path starts with {@code prefix} (normally {@code /api/}). */
    public List<ApiOperation> operations(String prefix) {
        List<ApiOperation> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith(prefix)) {
                continue;
            }
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op != null) {
                    out.add(operation(method.toUpperCase(Locale.ROOT), path.getKey(), path.getValue(), op));
                }
            }
        }
        return out;
    }

    /** The methods a path declares. */
    public Set<String> methodsOf(String path) {
        Set<String> out = new LinkedHashSet<>();
        JsonNode item = root.path("paths").path(path);
        for (String method : METHODS) {
            if (item.has(method)) {
                out.add(method.toUpperCase(Locale.ROOT));
            }
        }
        return out;
    }

    private ApiOperation operation(String method, String path, JsonNode pathItem, JsonNode op) {
        List<ApiOperation.Param> params = new ArrayList<>();
        for (JsonNode source : List.of(pathItem.path("parameters"), op.path("parameters"))) {
            for (JsonNode p : source) {
                JsonNode param = resolve(p);
                params.add(new ApiOperation.Param(param.path("name").asText(), param.path("in").asText(),
                        param.path("required").asBoolean(false), resolve(param.path("schema"))));
            }
        }
        JsonNode schema = null;
        String mediaType = null;
        JsonNode body = resolve(op.path("requestBody"));
        for (Iterator<Map.Entry<String, JsonNode>> content = body.path("content").fields(); content.hasNext(); ) {
            Map.Entry<String, JsonNode> c = content.next();
            if (mediaType == null || c.getKey().contains("json")) {
                mediaType = c.getKey();
                schema = c.getValue().path("schema");
            }
        }
        Set<String> roles = new LinkedHashSet<>();
        for (JsonNode requirement : op.path("security")) {
            requirement.fields().forEachRemaining(e -> e.getValue().forEach(r -> roles.add(r.asText())));
        }
        return new ApiOperation(method, path, List.copyOf(params), schema, mediaType, body.path("required").asBoolean(false), Set.copyOf(roles));
    }

    /** Follows {@code $ref}s and folds {@code allOf} into one schema; a {@code oneOf}/{@code anyOf} takes its first branch. */
    public JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int hops = 0; s != null && s.has("$ref") && hops < 20; hops++) {
            String ref = s.get("$ref").asText();
            JsonNode target = root.at(ref.substring(1));
            if (s.size() > 1 && target.isObject()) {
                ObjectNode merged = ((ObjectNode) target).deepCopy();
                s.fields().forEachRemaining(e -> {
                    if (!e.getKey().equals("$ref")) {
                        merged.set(e.getKey(), e.getValue());
                    }
                });
                s = merged;
            } else {
                s = target;
            }
        }
        if (s == null || s.isMissingNode()) {
            return JSON.createObjectNode();
        }
        if (s.has("allOf")) {
            ObjectNode merged = JSON.createObjectNode();
            ObjectNode properties = JSON.createObjectNode();
            var required = JSON.createArrayNode();
            for (JsonNode part : s.get("allOf")) {
                JsonNode r = resolve(part);
                r.fields().forEachRemaining(e -> {
                    switch (e.getKey()) {
                        case "properties" -> properties.setAll((ObjectNode) e.getValue());
                        case "required" -> required.addAll((com.fasterxml.jackson.databind.node.ArrayNode) e.getValue());
                        default -> merged.set(e.getKey(), e.getValue());
                    }
                });
            }
            s.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("allOf")) {
                    merged.set(e.getKey(), e.getValue());
                }
            });
            if (!properties.isEmpty()) {
                merged.set("properties", properties);
            }
            if (!required.isEmpty()) {
                merged.set("required", required);
            }
            return merged;
        }
        for (String choice : List.of("oneOf", "anyOf")) {
            if (s.has(choice) && s.get(choice).size() > 0) {
                for (JsonNode branch : s.get(choice)) {
                    JsonNode r = resolve(branch);
                    if (!"null".equals(SchemaValues.typeOf(r))) {
                        return r;
                    }
                }
            }
        }
        return s;
    }
}
