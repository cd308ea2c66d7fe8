package io.rectify.scoring.rest;

import io.rectify.platform.problem.Problem;
import io.rectify.platform.security.Roles;
import io.rectify.scoring.service.IndexChange;
import io.rectify.scoring.service.IndexStream;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.util.function.Predicate;

@Path("/api/v1/index-stream")
@Tag(name = "County index")
public class IndexStreamResource {

    @Inject
    IndexStream stream;

    @Inject
    CountyAccess access;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_REGULATOR, Roles.CITY_REGULATOR, Roles.COUNTY_REGULATOR, Roles.EXPERT,
            Roles.ENTERPRISE, Roles.AGENCY_SYSTEM})
    @Blocking // the caller's readable counties are looked up once, when the stream opens
    @Operation(summary = "Server-Sent Events: every index change", description = "One event per changed county answer "
            + "(county code, period, new and previous index, eligibility, rubric), from the moment of subscription, limited "
            + "to the counties in the caller's scope when the stream was opened.")
    @APIResponse(responseCode = "200", description = "an endless text/event-stream of JSON changes",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = IndexChange.class)))
    @APIResponse(responseCode = "401", description = "no or bad token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "role may not read indices", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Multi<IndexChange> changes() {
        Predicate<String> readable = access.readableCountyCodes();
        return stream.changes().select().where(change -> readable.test(change.countyCode()));
    }
}
