package io.rectify.scoring.rest;

import io.rectify.platform.api.PageRequest;
import io.rectify.platform.api.PageResult;
import io.rectify.platform.problem.Problem;
import io.rectify.platform.rest.QueryValues;
import io.rectify.platform.security.Roles;
import io.rectify.scoring.domain.Periods;
import io.rectify.scoring.service.CountyIndexService;
import io.rectify.scoring.service.IndexQueries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/rankings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "County index")
public class RankingResource {

    @Inject
    IndexQueries queries;

    @Inject
    CountyAccess access;

    @Inject
    CountyIndexService indexes;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_REGULATOR, Roles.CITY_REGULATOR, Roles.COUNTY_REGULATOR, Roles.EXPERT,
            Roles.ENTERPRISE, Roles.AGENCY_SYSTEM})
    @Operation(summary = "Counties ordered by index or by scoring-sheet score", description = "Highest first (`by=index`, the default, "
            + "or `by=sheet`), counties without a value last; each entry carries both yardsticks; "
            + "only the counties in the caller's scope are listed, each with its rank among all counties of the period.")
    @APIResponse(responseCode = "200", description = "one page of the rankings")
    @APIResponse(responseCode = "401", description = "no or bad token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "role may not read indices", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "bad period or paging", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResult<IndexQueries.RankingEntry> rankings(
            @Parameter(description = "calendar year; default the current one", schema = @Schema(type = SchemaType.INTEGER, minimum = "" + Periods.MIN, maximum = "" + Periods.MAX)) @QueryParam("period") String period,
            @Parameter(description = "the yardstick: index (composite index, default) or sheet (scoring-sheet score)", schema = @Schema(enumeration = {"index", "sheet"})) @QueryParam("by") String by,
            @BeanParam @Valid PageRequest page) {
        boolean bySheet = QueryValues.enumOf("by", by, Yardstick.class) == Yardstick.SHEET;
        return queries.rankings(QueryValues.integer("period", period, Periods.MIN, Periods.MAX, indexes.currentPeriod()), bySheet, access::canRead, page);
    }

    /** What a ranking orders by: the composite index or the scoring-sheet score. */
    enum Yardstick {
        INDEX, SHEET
    }
}
