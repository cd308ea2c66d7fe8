package io.rectify.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates JSON against the module's schemas, loaded from the classpath exactly as a consumer of the
 * jar would (relative {@code $ref}s between the files resolve against {@code classpath:schemas/}).
 * Formats (uuid, date-time, date) are asserted, not just annotated.
 */
final class JsonSchemas {

    static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

    private JsonSchemas() {
    }

    /** The problems of {@code json} against the schema at {@code classpathResource}; empty when valid. */
    static List<String> problems(String classpathResource, JsonNode json) {
        Schema schema = CACHE.computeIfAbsent(classpathResource,
                path -> REGISTRY.getSchema(SchemaLocation.of("classpath:" + path)));
        return messages(schema.validate(json, context -> context.executionConfig(config -> config.formatAssertionsEnabled(true))));
    }

    /** The problems of a schema document against the draft 2020-12 meta-schema. */
    static List<String> metaSchemaProblems(JsonNode schemaDocument) {
        Schema meta = CACHE.computeIfAbsent(META_SCHEMA, id -> REGISTRY.getSchema(SchemaLocation.of(id)));
        return messages(meta.validate(schemaDocument));
    }

    private static List<String> messages(List<Error> errors) {
        return errors.stream().map(Error::toString).toList();
    }
}
