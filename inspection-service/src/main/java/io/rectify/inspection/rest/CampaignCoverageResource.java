package io.rectify.inspection.rest;

import io.rectify.inspection.api.KeyTaskCoverageDocument;
import io.rectify.inspection.service.CampaignService;
import io.rectify.inspection.service.ExpertFit;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

import static io.rectify.platform.security.Roles.ADMIN;
import static io.rectify.platform.security.Roles.AGENCY_SYSTEM;
import static io.rectify.platform.security.Roles.CITY_REGULATOR;
import static io.rectify.platform.security.Roles.COUNTY_REGULATOR;
import static io.rectify.platform.security.Roles.EXPERT;
import static io.rectify.platform.security.Roles.PROVINCE_REGULATOR;

@Path("/api/v1/campaigns/{id}/key-task-coverage")
@Tag(name = "Campaigns")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignCoverageResource {

    @Inject
    CampaignService campaigns;

    @Inject
    ExpertFit fit;

    @GET
    @RolesAllowed({ADMIN, PROVINCE_REGULATOR, CITY_REGULATOR, COUNTY_REGULATOR, EXPERT, AGENCY_SYSTEM})
    @Operation(summary = "Coverage of the campaign's key tasks by expert specialty", description = "Per key task in focus: the "
            + "inspections (not cancelled), how many had an assigned expert with that specialty, and the campaign's experts who have it.")
    @APIResponse(responseCode = "200", description = "The coverage report")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "NotFound")
    public KeyTaskCoverageDocument coverage(@PathParam("id") UUID id) {
        campaigns.get(id); // 404 for an unknown campaign or one outside the caller's scope
        return fit.coverage(id);
    }
}
