package io.rectify.inspection.rest;

import io.rectify.inspection.api.CriterionDocument;
import io.rectify.inspection.api.KeyTaskDocument;
import io.rectify.inspection.api.KeyTaskRequest;
import io.rectify.inspection.api.KeyTaskRevision;
import io.rectify.inspection.service.ReferenceDataService;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

import static io.rectify.platform.security.Roles.ADMIN;
import static io.rectify.platform.security.Roles.AGENCY_SYSTEM;
import static io.rectify.platform.security.Roles.CITY_REGULATOR;
import static io.rectify.platform.security.Roles.COUNTY_REGULATOR;
import static io.rectify.platform.security.Roles.ENTERPRISE;
import static io.rectify.platform.security.Roles.EXPERT;
import static io.rectify.platform.security.Roles.PROVINCE_REGULATOR;

@Path("/api/v1")
@Tag(name = "Reference data", description = "Key tasks and major-hazard criteria")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReferenceDataResource {

    @Inject
    ReferenceDataService referenceData;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    Caller caller;

    @GET
    @Path("/key-tasks")
    @RolesAllowed({ADMIN, PROVINCE_REGULATOR, CITY_REGULATOR, COUNTY_REGULATOR, EXPERT, ENTERPRISE, AGENCY_SYSTEM})
    @Operation(summary = "Key tasks", description = "The six key tasks of the 2024 programme, OTHER, and those added by an ADMIN.")
    @APIResponse(responseCode = "200", description = "One page of key tasks")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "ValidationFailed")
    public PageResult<KeyTaskDocument> keyTasks(@BeanParam @Valid PageRequest page) {
        return referenceData.keyTasks(page);
    }

    @POST
    @Path("/key-tasks")
    @RolesAllowed(ADMIN)
    @Operation(summary = "Add a key task (ADMIN)", description = "Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Added")
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "Conflict")
    @APIResponse(ref = "ValidationFailed")
    public Response addKeyTask(@Valid @NotNull KeyTaskRequest request, @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        return idempotency.execute(idempotencyKey, caller.subject(), "POST /api/v1/key-tasks", request, () -> {
            KeyTaskDocument task = referenceData.addKeyTask(request);
            return Response.created(URI.create("/api/v1/key-tasks?code=" + task.code())).entity(task).build();
        });
    }

    @PUT
    @Path("/key-tasks/{code}")
    @RolesAllowed(ADMIN)
    @Operation(summary = "Revise a key task (ADMIN)", description = "New names or description make a new version; the earlier "
            + "versions are kept and findings keep the version they were recorded under.")
    @APIResponse(responseCode = "200", description = "The key task in its new version")
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "NotFound")
    @APIResponse(ref = "ValidationFailed")
    public KeyTaskDocument reviseKeyTask(@PathParam("code") String code, @Valid @NotNull KeyTaskRevision revision) {
        return referenceData.reviseKeyTask(code, revision);
    }

    @GET
    @Path("/key-tasks/{code}/versions")
    @RolesAllowed({ADMIN, PROVINCE_REGULATOR, CITY_REGULATOR, COUNTY_REGULATOR, EXPERT, ENTERPRISE, AGENCY_SYSTEM})
    @Operation(summary = "Every version of a key task", description = "Oldest first.")
    @APIResponse(responseCode = "200", description = "The versions")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "NotFound")
    public java.util.List<KeyTaskDocument> keyTaskVersions(@PathParam("code") String code) {
        return referenceData.keyTaskVersions(code);
    }

    @GET
    @Path("/major-hazard-criteria")
    @RolesAllowed({ADMIN, PROVINCE_REGULATOR, CITY_REGULATOR, COUNTY_REGULATOR, EXPERT, ENTERPRISE, AGENCY_SYSTEM})
    @Operation(summary = "The 20 major-hazard criteria", description = "MHC-01 … MHC-20 of 安监总管三〔2017〕121号, with short names.")
    @APIResponse(responseCode = "200", description = "One page of criteria")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "ValidationFailed")
    public PageResult<CriterionDocument> criteria(@BeanParam @Valid PageRequest page) {
        return referenceData.criteria(page);
    }
}
