package io.rectify.platform.problem;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adds the problem+json error answers every service's endpoints refer to by name
 * ({@code @APIResponse(responseCode = "404", ref = "NotFound")}) and the {@code Problem} schema to each
 * service's OpenAPI document, so they are defined once for all services.
 */
public class ProblemResponses implements OASFilter {

    /** Response name → (status, description). */
    static final Map<String, String[]> RESPONSES = new LinkedHashMap<>();

    static {
        RESPONSES.put("BadRequest", new String[]{"400", "Malformed JSON, a value of the wrong type or an unknown enum value"});
        RESPONSES.put("Unauthorized", new String[]{"401", "No bearer token, or an invalid one"});
        RESPONSES.put("Forbidden", new String[]{"403", "The caller's role, area or assignment does not allow this"});
        RESPONSES.put("NotFound", new String[]{"404", "No such resource within the caller's scope"});
        RESPONSES.put("Conflict", new String[]{"409", "Not allowed in the current state: names currentStatus and allowedActions, or what is missing"});
        RESPONSES.put("PreconditionFailed", new String[]{"412", "If-Match names a stale version"});
        RESPONSES.put("PayloadTooLarge", new String[]{"413", "The body is larger than 1 MB"});
        RESPONSES.put("ValidationFailed", new String[]{"422", "A rule is broken; errors[] names each field"});
        RESPONSES.put("Unavailable", new String[]{"503", "The database is unreachable; retry after Retry-After"});
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        if (components.getSchemas() == null || !components.getSchemas().containsKey("Problem")) {
            components.addSchema("Problem", problemSchema());
        }
        for (Map.Entry<String, String[]> r : RESPONSES.entrySet()) {
            if (components.getResponses() == null || !components.getResponses().containsKey(r.getKey())) {
                components.addResponse(r.getKey(), OASFactory.createAPIResponse()
                        .description(r.getValue()[1])
                        .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("#/components/schemas/Problem")))));
            }
        }
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", text).addProperty("message", text);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem document; validation problems list each offending field in errors")
                .addProperty("type", text)
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", text)
                .addProperty("instance", text)
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError));
    }
}
