package io.rectify.hazard.rest;

import io.rectify.hazard.service.HazardQueries;
import io.rectify.hazard.service.HazardSummary;
import io.rectify.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A county's hazards at a glance, for regulators, experts and agency systems. */
@Path("/api/v1/counties/{code}/hazard-summary")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Hazards")
public class CountyHazardSummaryResource {

    @Inject
    HazardQueries queries;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_REGULATOR, Roles.CITY_REGULATOR, Roles.COUNTY_REGULATOR, Roles.EXPERT, Roles.AGENCY_SYSTEM})
    @Operation(summary = "A county's hazard summary", description = "Counts by status, grade and key task; overdue counts (all and major).")
    @APIResponse(responseCode = "200", description = "The counts", content = @Content(schema = @Schema(implementation = HazardSummary.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public HazardSummary summary(@PathParam("code") String code) {
        return queries.summary(code);
    }
}
