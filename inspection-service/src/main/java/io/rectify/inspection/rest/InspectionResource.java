package io.rectify.inspection.rest;

import io.rectify.inspection.api.CancelRequest;
import io.rectify.inspection.api.CompleteRequest;
import io.rectify.inspection.api.ConsentConfirmation;
import io.rectify.inspection.api.ConsentRequest;
import io.rectify.inspection.api.InspectionDocument;
import io.rectify.inspection.api.ScheduleRequest;
import io.rectify.inspection.domain.InspectionStatus;
import io.rectify.inspection.service.ConsentService;
import io.rectify.inspection.service.ExpertFit;
import io.rectify.inspection.service.InspectionService;
import io.rectify.platform.api.PageRequest;
import io.rectify.platform.api.PageResult;
import io.rectify.platform.rest.IdempotencyKeys;
import io.rectify.platform.rest.QueryValues;
import io.rectify.platform.rest.Versions;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import static io.rectify.platform.security.Roles.ADMIN;
import static io.rectify.platform.security.Roles.AGENCY_SYSTEM;
import static io.rectify.platform.security.Roles.CITY_REGULATOR;
import static io.rectify.platform.security.Roles.COUNTY_REGULATOR;
import static io.rectify.platform.security.Roles.ENTERPRISE;
import static io.rectify.platform.security.Roles.EXPERT;
import static io.rectify.platform.security.Roles.PROVINCE_REGULATOR;

@Path("/api/v1/inspections")
@Tag(name = "Inspections", description = "Scheduling, the lifecycle SCHEDULED → IN_PROGRESS → COMPLETED (or CANCELLED), consents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InspectionResource {

    @Inject
    InspectionService inspections;

    @Inject
    ConsentService consents;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    Caller caller;

    @Inject
    ExpertFit fit;

    /** On a scheduled inspection: its key tasks that no assigned expert has as a specialty (comma-separated). */
    public static final String SPECIALTY_GAPS = "Rectify-Specialty-Gaps";

    @POST
    @RolesAllowed({ADMIN, PROVINCE_REGULATOR, CITY_REGULATOR, COUNTY_REGULATOR, EXPERT})
    @Operation(summary = "Schedule an inspection", description = "ADMIN, a regulator of the enterprise's county, or an expert who is "
            + "among the inspection's experts. Publishes InspectionScheduled. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Scheduled; Location and ETag set; a warning header " + SPECIALTY_GAPS
            + " names the key tasks no assigned expert has as a specialty")
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "Conflict")
    @APIResponse(ref = "ValidationFailed")
    public Response schedule(@Valid @NotNull ScheduleRequest request, @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        return idempotency.execute(idempotencyKey, caller.subject(), "POST /api/v1/inspections", request, () -> {
            InspectionDocument inspection = inspections.schedule(request);
            List<String> gaps = fit.uncovered(inspection.expertIds(), inspection.keyTasks());
            return Response.created(URI.create("/api/v1/inspections/" + inspection.id()))
                    .header(SPECIALTY_GAPS, gaps.isEmpty() ? null : String.join(",", gaps))
                    .tag(Versions.etag(inspection.version())).entity(inspection).build();
        });
    }

    @GET
    @RolesAllowed({ADMIN, PROVINCE_REGULATOR, CITY_REGULATOR, COUNTY_REGULATOR, EXPERT, ENTERPRISE, AGENCY_SYSTEM})
    @Operation(summary = "Inspections in the caller's scope", description = "Paged, newest day first, with findings and consents. "
            + "An ENTERPRISE sees only its own.")
    @APIResponse(responseCode = "200", description = "One page of inspections")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "ValidationFailed")
    public PageResult<InspectionDocument> list(@QueryParam("county") String county, @QueryParam("enterprise") String enterprise,
                                               @Parameter(schema = @Schema(implementation = InspectionStatus.class)) @QueryParam("status") String status,
                                               @Parameter(description = "the scheduled day", schema = @Schema(type = SchemaType.STRING, format = "date"))
                                               @QueryParam("date") String date,
                                               @BeanParam @Valid PageRequest page) {
        return inspections.list(county, enterprise, QueryValues.enumOf("status", status, InspectionStatus.class),
                QueryValues.date("date", date), page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ADMIN, PROVINCE_REGULATOR, CITY_REGULATOR, COUNTY_REGULATOR, EXPERT, ENTERPRISE, AGENCY_SYSTEM})
    @Operation(summary = "One inspection with its findings and consents")
    @APIResponse(responseCode = "200", description = "The inspection; ETag is its version")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "NotFound")
    public Response get(@PathParam("id") UUID id) {
        return withTag(inspections.get(id));
    }

    @POST
    @Path("/{id}/start")
    @RolesAllowed({ADMIN, EXPERT})
    @Operation(summary = "Start the visit", description = "SCHEDULED → IN_PROGRESS; an assigned expert (or ADMIN). Publishes InspectionStarted.")
    @APIResponse(responseCode = "200", description = "Started; ETag is the new version")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "NotFound")
    @APIResponse(ref = "Conflict")
    @APIResponse(ref = "PreconditionFailed")
    public Response start(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withTag(inspections.start(id, ifMatch));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({ADMIN, PROVINCE_REGULATOR, CITY_REGULATOR, COUNTY_REGULATOR, EXPERT})
    @Operation(summary = "Cancel a scheduled visit", description = "SCHEDULED → CANCELLED, with a reason; a regulator of the county, an "
            + "assigned expert, or ADMIN. Publishes InspectionCancelled.")
    @APIResponse(responseCode = "200", description = "Cancelled; ETag is the new version")
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "NotFound")
    @APIResponse(ref = "Conflict")
    @APIResponse(ref = "PreconditionFailed")
    @APIResponse(ref = "ValidationFailed")
    public Response cancel(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull CancelRequest request) {
        return withTag(inspections.cancel(id, ifMatch, request.reason()));
    }

    @POST
    @Path("/{id}/complete")
    @RolesAllowed({ADMIN, EXPERT})
    @Operation(summary = "Complete the visit and confirm its findings", description = "IN_PROGRESS → COMPLETED; an assigned expert (or "
            + "ADMIN). In one transaction: one FindingConfirmed per finding not withdrawn, and InspectionCompleted. The inspection "
            + "is frozen afterwards (a second completion or any edit is a 409).")
    @APIResponse(responseCode = "200", description = "Completed; ETag is the new version")
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "NotFound")
    @APIResponse(ref = "Conflict")
    @APIResponse(ref = "PreconditionFailed")
    @APIResponse(ref = "ValidationFailed")
    public Response complete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @Valid CompleteRequest request) {
        return withTag(inspections.complete(id, ifMatch, request));
    }

    @POST
    @Path("/{id}/consents")
    @RolesAllowed({ADMIN, EXPERT, ENTERPRISE})
    @Operation(summary = "Request, or grant, the enterprise's consent", description = "CONTROL_SYSTEM_DATA or DOCUMENT_COPY. An "
            + "assigned expert (or ADMIN) requests it with the scope alone: it is REQUESTED and does not count yet (a grantedBy "
            + "from them is 422). A token of the inspected enterprise grants it (GRANTED, with who at the enterprise and when; an "
            + "open request of the scope is thereby confirmed) and ConsentGranted is published. Allowed while SCHEDULED or "
            + "IN_PROGRESS, once per scope (409). Honours Idempotency-Key; If-Match checks the inspection's version.")
    @APIResponse(responseCode = "201", description = "Requested or granted; ETag is the inspection's new version")
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "NotFound")
    @APIResponse(ref = "Conflict")
    @APIResponse(ref = "PreconditionFailed")
    @APIResponse(ref = "ValidationFailed")
    public Response recordConsent(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                  @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, @Valid @NotNull ConsentRequest request) {
        return idempotency.execute(idempotencyKey, caller.subject(), "POST /api/v1/inspections/" + id + "/consents", request, () -> {
            ConsentService.Change change = caller.is(ENTERPRISE)
                    ? consents.grant(id, ifMatch, request.scope(), request.grantedBy(), request.grantedAt())
                    : consents.request(id, ifMatch, request.scope(), request.grantedBy(), request.grantedAt());
            return Response.created(URI.create("/api/v1/inspections/" + id)).tag(Versions.etag(change.inspectionVersion()))
                    .entity(change.consent()).build();
        });
    }

    @POST
    @Path("/{id}/consents/{consentId}/confirmation")
    @RolesAllowed({ENTERPRISE})
    @Operation(summary = "The enterprise confirms a requested consent", description = "Only a token of the inspected enterprise: "
            + "REQUESTED -> GRANTED with who at the enterprise (grantedBy, default the account) and when; the account is kept as "
            + "confirmedBy. Publishes ConsentGranted. 409 when already granted or the inspection is finished.")
    @APIResponse(responseCode = "200", description = "Granted; ETag is the inspection's new version")
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "NotFound")
    @APIResponse(ref = "Conflict")
    @APIResponse(ref = "PreconditionFailed")
    @APIResponse(ref = "ValidationFailed")
    public Response confirmConsent(@PathParam("id") UUID id, @PathParam("consentId") UUID consentId,
                                   @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid ConsentConfirmation confirmation) {
        ConsentService.Change change = consents.confirm(id, consentId, ifMatch,
                confirmation == null ? null : confirmation.grantedBy(), confirmation == null ? null : confirmation.grantedAt());
        return Response.ok(change.consent()).tag(Versions.etag(change.inspectionVersion())).build();
    }

    private static Response withTag(InspectionDocument inspection) {
        return Response.ok(inspection).tag(Versions.etag(inspection.version())).build();
    }


}
