package io.rectify.notification.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The OpenAPI document's frame; the problem+json answers endpoints refer to by name come from the platform's ProblemResponses. */
@OpenAPIDefinition(
        info = @Info(title = "Rectify notification-service", version = "1.0.0",
                description = "Chases every overdue rectification up the authority ladder until it is signed off."))
public class NotificationApi extends Application {
}
