package io.rectify.inspection.rest;

import io.rectify.inspection.api.CampaignDocument;
import io.rectify.inspection.api.CampaignRequest;
import io.rectify.inspection.service.CampaignService;
import io.rectify.platform.api.PageRequest;
import io.rectify.platform.api.PageResult;
import io.rectify.platform.rest.IdempotencyKeys;
import io.rectify.platform.rest.QueryValues;
import io.rectify.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

import static io.rectify.platform.security.Roles.ADMIN;
import static io.rectify.platform.security.Roles.AGENCY_SYSTEM;
import static io.rectify.platform.security.Roles.CITY_REGULATOR;
import static io.rectify.platform.security.Roles.COUNTY_REGULATOR;
import static io.rectify.platform.security.Roles.EXPERT;
import static io.rectify.platform.security.Roles.PROVINCE_REGULATOR;

@Path("/api/v1/campaigns")
@Tag(name = "Campaigns", description = "The yearly expert guidance campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CampaignResource {

    @Inject
    CampaignService campaigns;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({ADMIN, PROVINCE_REGULATOR, CITY_REGULATOR, COUNTY_REGULATOR, EXPERT, AGENCY_SYSTEM})
    @Operation(summary = "Campaigns touching the caller's scope", description = "Paged, newest first; optionally of one year.")
    @APIResponse(responseCode = "200", description = "One page of campaigns")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "ValidationFailed")
    public PageResult<CampaignDocument> list(@Parameter(description = "only campaigns of this year",
                                                        schema = @Schema(type = SchemaType.INTEGER, minimum = "2000", maximum = "2100"))
                                             @QueryParam("year") String year, @BeanParam @Valid PageRequest page) {
        return campaigns.list(QueryValues.integer("year", year, 2000, 2100, null), page);
    }

    @POST
    @RolesAllowed({ADMIN, PROVINCE_REGULATOR, CITY_REGULATOR, COUNTY_REGULATOR})
    @Operation(summary = "Create a campaign", description = "Every county must exist and lie in the caller's area; the period starts "
            + "in the campaign year and ends on or after its start. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Created; Location set")
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "ValidationFailed")
    public Response create(@Valid @NotNull CampaignRequest request, @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        return idempotency.execute(idempotencyKey, caller.subject(), "POST /api/v1/campaigns", request, () -> {
            CampaignDocument campaign = campaigns.create(request);
            return Response.created(URI.create("/api/v1/campaigns/" + campaign.id())).entity(campaign).build();
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ADMIN, PROVINCE_REGULATOR, CITY_REGULATOR, COUNTY_REGULATOR, EXPERT, AGENCY_SYSTEM})
    @Operation(summary = "One campaign")
    @APIResponse(responseCode = "200", description = "The campaign")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "NotFound")
    public CampaignDocument get(@PathParam("id") UUID id) {
        return campaigns.get(id);
    }
}
