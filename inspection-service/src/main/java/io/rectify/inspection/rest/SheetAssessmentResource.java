package io.rectify.inspection.rest;

import io.rectify.inspection.api.SheetAssessmentDocument;
import io.rectify.inspection.api.SheetAssessmentRequest;
import io.rectify.inspection.api.SheetMarksRequest;
import io.rectify.inspection.service.SheetAssessmentService;
import io.rectify.platform.problem.ProblemException;
import io.rectify.platform.rest.IdempotencyKeys;
import io.rectify.platform.rest.Versions;
import io.rectify.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import static io.rectify.platform.security.Roles.ADMIN;
import static io.rectify.platform.security.Roles.AGENCY_SYSTEM;
import static io.rectify.platform.security.Roles.CITY_REGULATOR;
import static io.rectify.platform.security.Roles.COUNTY_REGULATOR;
import static io.rectify.platform.security.Roles.EXPERT;
import static io.rectify.platform.security.Roles.PROVINCE_REGULATOR;

@Path("/api/v1/counties/{code}/sheet-assessments")
@Tag(name = "Sheet assessments", description = "The expert team scores a county on the scoring sheet (重点工作落实情况评分细则)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SheetAssessmentResource {

    @Inject
    SheetAssessmentService assessments;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed({ADMIN, EXPERT})
    @Operation(summary = "Draft a sheet assessment of the county", description = "The team's marks per item of the sheet "
            + "(a level MET/PARTLY/NOT_MET or a count), each citing findings, hazards or evidence files where the item asks. "
            + "A draft until the team lead submits it. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Drafted; Location and ETag set")
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "NotFound")
    @APIResponse(ref = "ValidationFailed")
    public Response draft(@PathParam("code") String code, @Valid @NotNull SheetAssessmentRequest request,
                          @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        return idempotency.execute(idempotencyKey, caller.subject(), "POST /api/v1/counties/" + code + "/sheet-assessments", request, () -> {
            SheetAssessmentDocument a = assessments.draft(code, request);
            return Response.created(URI.create("/api/v1/counties/" + code + "/sheet-assessments/" + a.id()))
                    .tag(Versions.etag(a.version())).entity(a).build();
        });
    }

    @GET
    @RolesAllowed({ADMIN, PROVINCE_REGULATOR, CITY_REGULATOR, COUNTY_REGULATOR, EXPERT, AGENCY_SYSTEM})
    @Operation(summary = "The county's sheet assessments", description = "Newest first; optionally of one period.")
    @APIResponse(responseCode = "200", description = "The assessments")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "NotFound")
    public List<SheetAssessmentDocument> list(@PathParam("code") String code, @QueryParam("period") String period) {
        return assessments.list(code, period(period));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ADMIN, PROVINCE_REGULATOR, CITY_REGULATOR, COUNTY_REGULATOR, EXPERT, AGENCY_SYSTEM})
    @Operation(summary = "One sheet assessment")
    @APIResponse(responseCode = "200", description = "The assessment; ETag set")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "NotFound")
    public Response get(@PathParam("code") String code, @PathParam("id") UUID id) {
        SheetAssessmentDocument a = assessments.get(code, id);
        return Response.ok(a).tag(Versions.etag(a.version())).build();
    }

    @PUT
    @Path("/{id}/marks")
    @RolesAllowed({ADMIN, EXPERT})
    @Operation(summary = "Replace the draft's marks", description = "Only while DRAFT (409 once submitted). If-Match: the ETag.")
    @APIResponse(responseCode = "200", description = "Revised")
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "NotFound")
    @APIResponse(ref = "Conflict")
    @APIResponse(ref = "PreconditionFailed")
    @APIResponse(ref = "ValidationFailed")
    public Response revise(@PathParam("code") String code, @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull SheetMarksRequest request) {
        SheetAssessmentDocument a = assessments.revise(code, id, ifMatch, request.marks());
        return Response.ok(a).tag(Versions.etag(a.version())).build();
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed({ADMIN, EXPERT})
    @Operation(summary = "The team lead submits the assessment", description = "Every item must be marked. Publishes SheetAssessed; "
            + "scoring-service then carries the sheet score beside the county's composite index.")
    @APIResponse(responseCode = "200", description = "Submitted")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "NotFound")
    @APIResponse(ref = "Conflict")
    @APIResponse(ref = "PreconditionFailed")
    @APIResponse(ref = "ValidationFailed")
    public Response submit(@PathParam("code") String code, @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        SheetAssessmentDocument a = assessments.submit(code, id, ifMatch);
        return Response.ok(a).tag(Versions.etag(a.version())).build();
    }

    /** Read as text so a malformed period is a 422 naming it, not JAX-RS's bare 404. */
    private static Integer period(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int year = Integer.parseInt(value.trim());
            if (year >= 2000 && year <= 2100) {
                return year;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ProblemException.invalid("period", "must be a year between 2000 and 2100");
    }
}
