package io.rectify.hazard.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * The OpenAPI document's frame. The problem+json answers endpoints refer to by name
 * ({@code @APIResponse(ref = "NotFound")}) come from the platform's {@code ProblemResponses} filter.
 */
@OpenAPIDefinition(
        info = @Info(title = "Rectify hazard-service", version = "1.0.0",
                description = "Every hazard from report to sign-off (一事一结), with its audit trail."))
public class HazardApi extends Application {
}
