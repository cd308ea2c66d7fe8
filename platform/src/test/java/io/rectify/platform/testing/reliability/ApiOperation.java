package io.rectify.platform.testing.reliability;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Set;

/**
 * One operation (path × method) of a service's OpenAPI document, with what the hostile-input and
 * authorisation engines need: its parameters, its JSON request body schema (refs resolved lazily by
 * {@link OpenApiDocument}) and the roles its {@code security} requirement names (SmallRye OpenAPI
 * writes a method's {@code @RolesAllowed} there; empty when the operation declares none).
 */
public record ApiOperation(String method, String path, List<Param> parameters, JsonNode bodySchema, String bodyMediaType,
                           boolean bodyRequired, Set<String> declaredRoles) {

    public record Param(String name, String in, boolean required, JsonNode schema) {
    }

    public List<Param> parameters(String in) {
        return parameters.stream().filter(p -> p.in().equals(in)).toList();
    }

    public boolean hasJsonBody() {
        return bodySchema != null && bodyMediaType != null && bodyMediaType.contains("json");
    }

    public boolean safe() {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
