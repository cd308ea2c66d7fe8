package io.rectify.scoring.rest;

import io.rectify.platform.problem.Problem;
import io.rectify.platform.security.Roles;
import io.rectify.scoring.service.IndexRebuild;
import io.rectify.scoring.service.RebuildProgress;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

@Path("/api/v1/admin/rebuild")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class RebuildResource {

    @Inject
    IndexRebuild rebuild;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Rebuild every index from the topics", description = "Throws the facts away, re-reads "
            + "inspection.events and hazard.events from the beginning and recomputes every county, in the background; "
            + "follow it with GET. Only answers that differ from the published ones are published again.")
    @APIResponse(responseCode = "202", description = "started", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RebuildProgress.class)))
    @APIResponse(responseCode = "401", description = "no or bad token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "only ADMIN may rebuild", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "a rebuild is already running, on this or another instance", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response start() {
        return Response.accepted(rebuild.start()).location(URI.create("/api/v1/admin/rebuild")).build();
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Progress of the last rebuild", description = "state, events read of the total, start and end.")
    @APIResponse(responseCode = "200", description = "the progress", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RebuildProgress.class)))
    @APIResponse(responseCode = "401", description = "no or bad token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "only ADMIN may rebuild", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RebuildProgress progress() {
        return rebuild.progress();
    }
}
