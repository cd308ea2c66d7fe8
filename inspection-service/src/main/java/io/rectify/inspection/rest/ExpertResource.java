package io.rectify.inspection.rest;

import io.rectify.inspection.api.ExpertDocument;
import io.rectify.inspection.api.ExpertRequest;
import io.rectify.inspection.service.ExpertService;
import io.rectify.platform.api.PageRequest;
import io.rectify.platform.api.PageResult;
import io.rectify.platform.rest.IdempotencyKeys;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
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

@Path("/api/v1/experts")
@Tag(name = "Experts", description = "The expert pool of the guidance service")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ExpertResource {

    @Inject
    ExpertService experts;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({ADMIN, PROVINCE_REGULATOR, CITY_REGULATOR, COUNTY_REGULATOR, EXPERT, AGENCY_SYSTEM})
    @Operation(summary = "The experts", description = "Paged, by name. Experts are not tied to an area.")
    @APIResponse(responseCode = "200", description = "One page of experts")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "ValidationFailed")
    public PageResult<ExpertDocument> list(@BeanParam @Valid PageRequest page) {
        return experts.list(page);
    }

    @POST
    @RolesAllowed({ADMIN, PROVINCE_REGULATOR})
    @Operation(summary = "Register an expert", description = "ADMIN or PROVINCE_REGULATOR (the province organises the guidance teams). "
            + "`subject` links the expert to their account. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Registered; Location set")
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "Conflict")
    @APIResponse(ref = "ValidationFailed")
    public Response register(@Valid @NotNull ExpertRequest request, @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        return idempotency.execute(idempotencyKey, caller.subject(), "POST /api/v1/experts", request, () -> {
            ExpertDocument expert = experts.register(request);
            return Response.created(URI.create("/api/v1/experts/" + expert.id())).entity(expert).build();
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ADMIN, PROVINCE_REGULATOR, CITY_REGULATOR, COUNTY_REGULATOR, EXPERT, AGENCY_SYSTEM})
    @Operation(summary = "One expert")
    @APIResponse(responseCode = "200", description = "The expert")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "NotFound")
    public ExpertDocument get(@PathParam("id") UUID id) {
        return experts.get(id);
    }
}
