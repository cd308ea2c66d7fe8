package io.rectify.inspection.rest;

import io.rectify.inspection.api.FindingDocument;
import io.rectify.inspection.api.FindingRequest;
import io.rectify.inspection.service.FindingService;
import io.rectify.platform.rest.IdempotencyKeys;
import io.rectify.platform.rest.Versions;
import io.rectify.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
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
import static io.rectify.platform.security.Roles.ENTERPRISE;
import static io.rectify.platform.security.Roles.EXPERT;
import static io.rectify.platform.security.Roles.PROVINCE_REGULATOR;

/** Findings are recorded, edited and withdrawn only while the inspection is IN_PROGRESS, by an assigned expert (or ADMIN). */
@Path("/api/v1/inspections/{id}/findings")
@Tag(name = "Findings", description = "What the experts found; confirmed when the inspection completes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FindingResource {

    @Inject
    FindingService findings;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed({ADMIN, EXPERT})
    @Operation(summary = "Record a finding", description = "Grade rule: MAJOR needs a known major criterion, GENERAL must have none (422 "
            + "naming majorCriterion). Evidence of kind CONTROL_SYSTEM_DATA or DOCUMENT_COPY needs the matching consent (409 naming "
            + "missingConsent). Honours Idempotency-Key; If-Match checks the inspection's version.")
    @APIResponse(responseCode = "201", description = "Recorded; ETag is the inspection's new version")
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "NotFound")
    @APIResponse(ref = "Conflict")
    @APIResponse(ref = "PreconditionFailed")
    @APIResponse(ref = "ValidationFailed")
    public Response record(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, @Valid @NotNull FindingRequest request) {
        return idempotency.execute(idempotencyKey, caller.subject(), "POST /api/v1/inspections/" + id + "/findings", request, () -> {
            FindingService.Change change = findings.record(id, ifMatch, request.toDraft());
            return Response.created(URI.create("/api/v1/inspections/" + id + "/findings/" + change.finding().id()))
                    .tag(Versions.etag(change.inspectionVersion())).entity(change.finding()).build();
        });
    }

    @GET
    @Path("/{findingId}")
    @RolesAllowed({ADMIN, PROVINCE_REGULATOR, CITY_REGULATOR, COUNTY_REGULATOR, EXPERT, ENTERPRISE, AGENCY_SYSTEM})
    @Operation(summary = "One finding")
    @APIResponse(responseCode = "200", description = "The finding")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "NotFound")
    public FindingDocument get(@PathParam("id") UUID id, @PathParam("findingId") UUID findingId) {
        return findings.get(id, findingId);
    }

    @PUT
    @Path("/{findingId}")
    @RolesAllowed({ADMIN, EXPERT})
    @Operation(summary = "Edit a finding", description = "Same rules as recording; refused (409) once the inspection is completed.")
    @APIResponse(responseCode = "200", description = "Edited; ETag is the inspection's new version")
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "NotFound")
    @APIResponse(ref = "Conflict")
    @APIResponse(ref = "PreconditionFailed")
    @APIResponse(ref = "ValidationFailed")
    public Response edit(@PathParam("id") UUID id, @PathParam("findingId") UUID findingId,
                         @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull FindingRequest request) {
        FindingService.Change change = findings.edit(id, findingId, ifMatch, request.toDraft());
        return Response.ok(change.finding()).tag(Versions.etag(change.inspectionVersion())).build();
    }

    @DELETE
    @Path("/{findingId}")
    @RolesAllowed({ADMIN, EXPERT})
    @Operation(summary = "Withdraw a finding", description = "It stays on record (flagged withdrawn) and is not confirmed; refused (409) "
            + "once the inspection is completed.")
    @APIResponse(responseCode = "204", description = "Withdrawn; ETag is the inspection's new version")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "NotFound")
    @APIResponse(ref = "Conflict")
    @APIResponse(ref = "PreconditionFailed")
    public Response withdraw(@PathParam("id") UUID id, @PathParam("findingId") UUID findingId,
                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        long version = findings.withdraw(id, findingId, ifMatch);
        return Response.noContent().tag(Versions.etag(version)).build();
    }
}
