package io.rectify.notification.rest;

import io.rectify.notification.api.ChaseDocument;
import io.rectify.notification.domain.Chase;
import io.rectify.notification.domain.EscalationLevel;
import io.rectify.notification.service.ChaseQueries;
import io.rectify.platform.api.PageRequest;
import io.rectify.platform.api.PageResult;
import io.rectify.platform.problem.ProblemException;
import io.rectify.platform.rest.QueryValues;
import io.rectify.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The chase state of hazards: status, due date, next reminder, escalation level, reminders sent. */
@Path("/api/v1/chases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Chases")
public class ChaseResource {

    @Inject
    ChaseQueries chases;

    /** One page of chases, for the OpenAPI document. */
    public record ChasePage(List<ChaseDocument> items, int page, int size, long total) {
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_REGULATOR, Roles.CITY_REGULATOR, Roles.COUNTY_REGULATOR, Roles.EXPERT, Roles.ENTERPRISE, Roles.AGENCY_SYSTEM})
    @Operation(summary = "Search chases", description = "Earliest due first; only chases of hazards inside the caller's scope.")
    @APIResponse(responseCode = "200", description = "One page of chases", content = @Content(schema = @Schema(implementation = ChasePage.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public PageResult<ChaseDocument> search(
            @Parameter(description = "county code") @QueryParam("county") String county,
            @Parameter(description = "true: past the due date while chasing runs", schema = @Schema(implementation = Boolean.class))
            @QueryParam("overdue") String overdue,
            @Parameter(schema = @Schema(implementation = EscalationLevel.class)) @QueryParam("level") String level,
            @BeanParam @Valid PageRequest page) {
        ChaseQueries.Filter filter = new ChaseQueries.Filter(QueryValues.text(county), QueryValues.bool("overdue", overdue),
                QueryValues.enumOf("level", level, EscalationLevel.class));
        Instant now = Instant.now();
        PageResult<Chase> found = chases.search(filter, page, now);
        Map<UUID, Long> sent = chases.sentCounts(found.items().stream().map(c -> c.hazardId).toList());
        return found.map(c -> ChaseDocument.of(c, sent.getOrDefault(c.hazardId, 0L), now));
    }

    @GET
    @Path("/{hazardId}")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_REGULATOR, Roles.CITY_REGULATOR, Roles.COUNTY_REGULATOR, Roles.EXPERT, Roles.ENTERPRISE, Roles.AGENCY_SYSTEM})
    @Operation(summary = "Read the chase of a hazard")
    @APIResponse(responseCode = "200", description = "The chase", content = @Content(schema = @Schema(implementation = ChaseDocument.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ChaseDocument get(@PathParam("hazardId") String hazardId) {
        UUID id = QueryValues.pathId("chase of hazard", hazardId);
        Chase chase = chases.find(id).orElseThrow(() -> ProblemException.notFound("chase of hazard", id));
        return ChaseDocument.of(chase, chases.sentCounts(List.of(id)).getOrDefault(id, 0L), Instant.now());
    }
}
