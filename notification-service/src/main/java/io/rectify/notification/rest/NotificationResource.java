package io.rectify.notification.rest;

import io.rectify.notification.api.NotificationDocument;
import io.rectify.notification.domain.Channel;
import io.rectify.notification.domain.NotificationStatus;
import io.rectify.notification.domain.RecipientLevel;
import io.rectify.notification.service.NotificationQueries;
import io.rectify.platform.api.PageRequest;
import io.rectify.platform.api.PageResult;
import io.rectify.platform.rest.QueryValues;
import io.rectify.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** What was sent, to whom, when, with what outcome; recipients acknowledge. */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
public class NotificationResource {

    @Inject
    NotificationQueries notifications;

    /** One page of notifications, for the OpenAPI document. */
    public record NotificationPage(List<NotificationDocument> items, int page, int size, long total) {
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_REGULATOR, Roles.CITY_REGULATOR, Roles.COUNTY_REGULATOR, Roles.ENTERPRISE, Roles.AGENCY_SYSTEM})
    @Operation(summary = "Search notifications",
            description = "In the order they were recorded, each with every delivery attempt. Regulators see their jurisdiction, "
                    + "an enterprise what was addressed to it, ADMIN and AGENCY_SYSTEM everything.")
    @APIResponse(responseCode = "200", description = "One page of notifications",
            content = @Content(schema = @Schema(implementation = NotificationPage.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public PageResult<NotificationDocument> search(
            @Parameter(description = "hazard id (UUID)") @QueryParam("hazardId") String hazardId,
            @Parameter(schema = @Schema(implementation = RecipientLevel.class)) @QueryParam("level") String level,
            @Parameter(schema = @Schema(implementation = Channel.class)) @QueryParam("channel") String channel,
            @Parameter(schema = @Schema(implementation = NotificationStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "true: only acknowledged ones, false: only those not acknowledged") @QueryParam("acknowledged") String acknowledged,
            @BeanParam @Valid PageRequest page) {
        NotificationQueries.Filter filter = new NotificationQueries.Filter(
                QueryValues.uuid("hazardId", hazardId),
                QueryValues.enumOf("level", level, RecipientLevel.class),
                QueryValues.enumOf("channel", channel, Channel.class),
                QueryValues.enumOf("status", status, NotificationStatus.class),
                booleanOf(acknowledged));
        return notifications.search(filter, page).map(NotificationDocument::of);
    }

    private static Boolean booleanOf(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw io.rectify.platform.problem.ProblemException.invalid("acknowledged", "must be true or false");
        }
        return Boolean.parseBoolean(value);
    }

    @POST
    @Path("/{id}/ack")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_REGULATOR, Roles.CITY_REGULATOR, Roles.COUNTY_REGULATOR, Roles.ENTERPRISE, Roles.AGENCY_SYSTEM})
    @Operation(summary = "Acknowledge a notification",
            description = "A recipient confirms it has seen a delivered notification. Acknowledging again keeps the first acknowledgement.")
    @APIResponse(responseCode = "200", description = "Acknowledged", content = @Content(schema = @Schema(implementation = NotificationDocument.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public NotificationDocument acknowledge(@PathParam("id") String id) {
        return NotificationDocument.of(notifications.acknowledge(QueryValues.pathId("notification", id)));
    }
}
