package io.rectify.hazard.rest;

import io.rectify.hazard.api.DeadlineExtensionRequest;
import io.rectify.hazard.api.HazardDocument;
import io.rectify.hazard.api.HistoryEntry;
import io.rectify.hazard.api.PlanRequest;
import io.rectify.hazard.api.RectificationRequest;
import io.rectify.hazard.api.ReopenRequest;
import io.rectify.hazard.api.ReportHazardRequest;
import io.rectify.hazard.api.SignOffRequest;
import io.rectify.hazard.api.VerificationRequest;
import io.rectify.hazard.config.HazardConfig;
import io.rectify.hazard.domain.County;
import io.rectify.hazard.domain.Hazard;
import io.rectify.hazard.service.HazardFilter;
import io.rectify.hazard.service.HazardQueries;
import io.rectify.hazard.service.HazardService;
import io.rectify.hazard.service.ReportBatch;
import io.rectify.platform.api.PageRequest;
import io.rectify.platform.api.PageResult;
import io.rectify.platform.audit.ChainVerification;
import io.rectify.platform.rest.IdempotencyKeys;
import io.rectify.platform.rest.QueryValues;
import io.rectify.platform.rest.Versions;
import io.rectify.platform.security.Caller;
import io.rectify.platform.security.Roles;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** The hazard lifecycle over HTTP (contracts.md "hazard-service"). */
@Path("/api/v1/hazards")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Hazards")
public class HazardResource {

    private static final String IF_MATCH_DOC = "the version (ETag) the change is based on; a stale one is a 412";

    @Inject
    HazardService hazards;

    @Inject
    HazardQueries queries;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    Caller caller;

    @Inject
    UriInfo uri;

    @Inject
    HazardConfig config;

    @Inject
    ReportBatch reportBatch;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_REGULATOR, Roles.CITY_REGULATOR, Roles.COUNTY_REGULATOR, Roles.ENTERPRISE, Roles.AGENCY_SYSTEM})
    @Operation(summary = "Report a hazard",
            description = "SELF_CHECK by the enterprise itself, REGULATOR by a regulator in scope; agency systems and admins may "
                    + "report either (and give a past dueAt to backfill). MAJOR hazards need majorCriterion and are put under "
                    + "county-level listed supervision. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Reported", headers = {
            @Header(name = "Location", description = "the new hazard"),
            @Header(name = "ETag", description = "its version")},
            content = @Content(schema = @Schema(implementation = HazardDocument.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public Response report(
            @Parameter(description = "the same key and body within 24 h replays the first answer")
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Valid @NotNull ReportHazardRequest body) {
        if (!IdempotencyKeys.present(idempotencyKey)) {
            // no answer to keep: the report joins the others arriving now in one transaction
            return created(reportBatch.write(hazards.prepareReport(body)));
        }
        // with a key the answer commits with the report, in the report's own transaction
        return idempotencyKeys.execute(idempotencyKey, caller.subject(), "POST /api/v1/hazards", body,
                () -> created(hazards.report(body)));
    }

    private Response created(Hazard h) {
        return Response.created(uri.getBaseUriBuilder().path("api/v1/hazards").path(h.id.toString()).build())
                .tag(Versions.etag(h.version))
                .entity(document(h))
                .build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_REGULATOR, Roles.CITY_REGULATOR, Roles.COUNTY_REGULATOR, Roles.EXPERT, Roles.ENTERPRISE, Roles.AGENCY_SYSTEM})
    @Operation(summary = "Search hazards", description = "Filtered and paged, newest first; only hazards inside the caller's scope.")
    @APIResponse(responseCode = "200", description = "One page of hazards",
            content = @Content(schema = @Schema(implementation = HazardPage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public PageResult<HazardDocument> search(@BeanParam HazardFilterParams params, @BeanParam @Valid PageRequest page) {
        HazardFilter filter = params.toFilter(ZoneId.of(config.zone()));
        Instant now = Instant.now();
        PageResult<Hazard> found = queries.search(filter, page);
        Map<String, County> counties = queries.countiesOf(found.items());
        boolean warnings = showsEvidenceWarnings();
        return found.map(h -> HazardDocument.of(h, counties.get(h.countyCode), now, warnings));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_REGULATOR, Roles.CITY_REGULATOR, Roles.COUNTY_REGULATOR, Roles.EXPERT, Roles.ENTERPRISE, Roles.AGENCY_SYSTEM})
    @Operation(summary = "One hazard")
    @APIResponse(responseCode = "200", description = "The hazard", headers = @Header(name = "ETag", description = "its version"),
            content = @Content(schema = @Schema(implementation = HazardDocument.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("id") UUID id) {
        return withEtag(queries.get(id));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_REGULATOR, Roles.CITY_REGULATOR, Roles.COUNTY_REGULATOR, Roles.EXPERT, Roles.ENTERPRISE, Roles.AGENCY_SYSTEM})
    @Operation(summary = "A hazard's audit trail", description = "Append-only, oldest first: who, role, when, from, to, payload.")
    @APIResponse(responseCode = "200", description = "One page of the trail",
            content = @Content(schema = @Schema(implementation = HistoryPage.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public PageResult<HistoryEntry> history(@PathParam("id") UUID id, @BeanParam @Valid PageRequest page) {
        return queries.history(id, page).map(HistoryEntry::of);
    }

    @GET
    @Path("/{id}/history/verification")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_REGULATOR, Roles.CITY_REGULATOR, Roles.COUNTY_REGULATOR, Roles.EXPERT, Roles.ENTERPRISE, Roles.AGENCY_SYSTEM})
    @Operation(summary = "Check a hazard's audit trail", description = "Recomputes the hazard's hash chain from the stored history: "
            + "intact, entries, brokenAt (the seq of the first entry that does not hold, or null). Same scope as the history.")
    @APIResponse(responseCode = "200", description = "The check",
            content = @Content(schema = @Schema(implementation = ChainVerification.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ChainVerification verifyHistory(@PathParam("id") UUID id) {
        return queries.verifyHistory(id);
    }

    @POST
    @Path("/{id}/plan")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_REGULATOR, Roles.CITY_REGULATOR, Roles.COUNTY_REGULATOR, Roles.ENTERPRISE})
    @Operation(summary = "Submit the rectification plan (五落实)", description = "OPEN → RECTIFYING. All five assurances are required; "
            + "the deadline may not be after the due date. By the enterprise or a regulator in scope.")
    @APIResponse(responseCode = "200", description = "Now RECTIFYING", headers = @Header(name = "ETag", description = "the new version"),
            content = @Content(schema = @Schema(implementation = HazardDocument.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public Response plan(@PathParam("id") UUID id, @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         @Valid @NotNull PlanRequest body) {
        return change(() -> hazards.plan(id, ifMatch, body));
    }

    @POST
    @Path("/{id}/rectification")
    @RolesAllowed({Roles.ADMIN, Roles.ENTERPRISE})
    @Operation(summary = "Submit the rectification with evidence", description = "RECTIFYING → PENDING_VERIFICATION (the clock stops). By the enterprise.")
    @APIResponse(responseCode = "200", description = "Now PENDING_VERIFICATION", headers = @Header(name = "ETag", description = "the new version"),
            content = @Content(schema = @Schema(implementation = HazardDocument.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public Response rectification(@PathParam("id") UUID id, @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                  @Valid @NotNull RectificationRequest body) {
        return change(() -> hazards.submitRectification(id, ifMatch, body));
    }

    @POST
    @Path("/{id}/verification")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_REGULATOR, Roles.CITY_REGULATOR, Roles.COUNTY_REGULATOR, Roles.EXPERT})
    @Operation(summary = "Verify the rectification", description = "ACCEPTED: PENDING_VERIFICATION → VERIFIED; REJECTED (comment required): "
            + "back to RECTIFYING, counted. By an expert or a regulator in scope.")
    @APIResponse(responseCode = "200", description = "VERIFIED or RECTIFYING", headers = @Header(name = "ETag", description = "the new version"),
            content = @Content(schema = @Schema(implementation = HazardDocument.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public Response verification(@PathParam("id") UUID id, @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                 @Valid @NotNull VerificationRequest body) {
        return change(() -> hazards.verify(id, ifMatch, body));
    }

    @POST
    @Path("/{id}/sign-off")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_REGULATOR, Roles.CITY_REGULATOR, Roles.COUNTY_REGULATOR, Roles.ENTERPRISE})
    @Operation(summary = "Sign off (销号)", description = "VERIFIED → SIGNED_OFF. A MAJOR hazard only by a regulator in scope; "
            + "a GENERAL one also by its enterprise.")
    @APIResponse(responseCode = "200", description = "Now SIGNED_OFF", headers = @Header(name = "ETag", description = "the new version"),
            content = @Content(schema = @Schema(implementation = HazardDocument.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public Response signOff(@PathParam("id") UUID id, @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @Valid SignOffRequest body) {
        return change(() -> hazards.signOff(id, ifMatch, body));
    }

    @POST
    @Path("/{id}/deadline-extensions")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_REGULATOR, Roles.CITY_REGULATOR, Roles.COUNTY_REGULATOR})
    @Operation(summary = "Extend the deadline", description = "By a regulator in scope, with a reason, at most twice, to a later future date.")
    @APIResponse(responseCode = "200", description = "The new due date", headers = @Header(name = "ETag", description = "the new version"),
            content = @Content(schema = @Schema(implementation = HazardDocument.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public Response extendDeadline(@PathParam("id") UUID id, @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                   @Valid @NotNull DeadlineExtensionRequest body) {
        return change(() -> hazards.extendDeadline(id, ifMatch, body));
    }

    @POST
    @Path("/{id}/reopen")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_REGULATOR, Roles.CITY_REGULATOR, Roles.COUNTY_REGULATOR})
    @Operation(summary = "Reopen a signed-off hazard", description = "SIGNED_OFF → RECTIFYING after a recurrence, with a reason; "
            + "counted as a repeat. By a regulator in scope. The due date stays: a recurrence past it is overdue at once.")
    @APIResponse(responseCode = "200", description = "Now RECTIFYING", headers = @Header(name = "ETag", description = "the new version"),
            content = @Content(schema = @Schema(implementation = HazardDocument.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public Response reopen(@PathParam("id") UUID id, @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull ReopenRequest body) {
        return change(() -> hazards.reopen(id, ifMatch, body));
    }

    private Response change(Supplier<Hazard> action) {
        return withEtag(action.get());
    }

    private Response withEtag(Hazard h) {
        return Response.ok(document(h)).tag(Versions.etag(h.version)).build();
    }

    private HazardDocument document(Hazard h) {
        return HazardDocument.of(h, queries.countyOf(h).orElse(null), Instant.now(), showsEvidenceWarnings());
    }

    /** Fraud signals are for the reviewers (experts, regulators), not for the enterprise whose evidence they question. */
    private boolean showsEvidenceWarnings() {
        return caller.seesEverything() || !caller.is(io.rectify.platform.security.Roles.ENTERPRISE);
    }

    /** For the OpenAPI document: a page of hazards. */
    @Schema(name = "HazardPage")
    public record HazardPage(java.util.List<HazardDocument> items, int page, int size, long total) {
    }

    /** For the OpenAPI document: a page of history lines. */
    @Schema(name = "HistoryPage")
    public record HistoryPage(java.util.List<HistoryEntry> items, int page, int size, long total) {
    }
}
