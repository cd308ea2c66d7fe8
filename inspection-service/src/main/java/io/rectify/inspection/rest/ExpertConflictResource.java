package io.rectify.inspection.rest;

import io.rectify.inspection.api.ConflictDocument;
import io.rectify.inspection.api.ConflictRequest;
import io.rectify.inspection.service.ExpertFit;
import io.rectify.platform.rest.IdempotencyKeys;
import io.rectify.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import java.util.List;
import java.util.UUID;

import static io.rectify.platform.security.Roles.ADMIN;
import static io.rectify.platform.security.Roles.CITY_REGULATOR;
import static io.rectify.platform.security.Roles.COUNTY_REGULATOR;
import static io.rectify.platform.security.Roles.EXPERT;
import static io.rectify.platform.security.Roles.PROVINCE_REGULATOR;

@Path("/api/v1/experts/{id}/conflicts")
@Tag(name = "Experts", description = "The expert pool of the guidance service")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ExpertConflictResource {

    @Inject
    ExpertFit fit;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed({ADMIN, PROVINCE_REGULATOR, EXPERT})
    @Operation(summary = "Declare a conflict of interest", description = "The expert (or ADMIN / PROVINCE_REGULATOR for them) declares an "
            + "interest in an enterprise for a period: scheduling the expert there is refused (409) and hazard-service refuses "
            + "their verifications of its hazards. Publishes ConflictDeclared. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Declared; Location set")
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "NotFound")
    @APIResponse(ref = "ValidationFailed")
    public Response declare(@PathParam("id") UUID id, @Valid @NotNull ConflictRequest request,
                            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        return idempotency.execute(idempotencyKey, caller.subject(), "POST /api/v1/experts/" + id + "/conflicts", request, () -> {
            ConflictDocument conflict = fit.declare(id, request);
            return Response.created(URI.create("/api/v1/experts/" + id + "/conflicts/" + conflict.id())).entity(conflict).build();
        });
    }

    @GET
    @RolesAllowed({ADMIN, PROVINCE_REGULATOR, CITY_REGULATOR, COUNTY_REGULATOR, EXPERT})
    @Operation(summary = "The expert's declared conflicts")
    @APIResponse(responseCode = "200", description = "The conflicts, by start")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "NotFound")
    public List<ConflictDocument> list(@PathParam("id") UUID id) {
        return fit.conflicts(id);
    }
}
