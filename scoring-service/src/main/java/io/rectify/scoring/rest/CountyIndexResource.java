package io.rectify.scoring.rest;

import io.rectify.contracts.CountyCode;
import io.rectify.contracts.scoring.CountyIndexDocument;
import io.rectify.platform.api.PageRequest;
import io.rectify.platform.api.PageResult;
import io.rectify.platform.problem.Problem;
import io.rectify.platform.problem.ProblemException;
import io.rectify.platform.rest.QueryValues;
import io.rectify.platform.rest.Versions;
import io.rectify.platform.security.Roles;
import io.rectify.scoring.domain.Periods;
import io.rectify.scoring.service.CountyDirectory;
import io.rectify.scoring.service.CountyIndexService;
import io.rectify.scoring.service.CountyRef;
import io.rectify.scoring.service.IndexQueries;
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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;

@Path("/api/v1/counties/{code}/index")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "County index")
public class CountyIndexResource {

    @Inject
    CountyDirectory directory;

    @Inject
    CountyAccess access;

    @Inject
    IndexQueries queries;

    @Inject
    CountyIndexService indexes;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_REGULATOR, Roles.CITY_REGULATOR, Roles.COUNTY_REGULATOR, Roles.EXPERT,
            Roles.ENTERPRISE, Roles.AGENCY_SYSTEM})
    @Operation(summary = "A county's composite index with its full explanation",
            description = "Every indicator's numerator, denominator, rate, score, weight, effective weight and contribution, "
                    + "the deductions, the base and the index (scoring.md). The last published answer; for a period never "
                    + "computed, the answer as it would be now (no ETag). ENTERPRISE callers read their own county only.")
    @APIResponse(responseCode = "200", description = "the index; ETag = its revision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CountyIndexDocument.class)))
    @APIResponse(responseCode = "401", description = "no or bad token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "role may not read indices", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "unknown county or outside the caller's scope", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "bad period", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response index(@PathParam("code") String code,
                          @Parameter(description = "calendar year; default the current one", schema = @Schema(type = SchemaType.INTEGER, minimum = "" + Periods.MIN, maximum = "" + Periods.MAX)) @QueryParam("period") String period) {
        CountyRef county = readable(code);
        int year = QueryValues.integer("period", period, Periods.MIN, Periods.MAX, indexes.currentPeriod());
        return queries.current(county.code(), year)
                .map(current -> Response.ok(current.document()).tag(Versions.etag(current.revision())).build())
                .orElseGet(() -> Response.ok(indexes.preview(county, year)).build());
    }

    @GET
    @Path("history")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_REGULATOR, Roles.CITY_REGULATOR, Roles.COUNTY_REGULATOR, Roles.EXPERT,
            Roles.ENTERPRISE, Roles.AGENCY_SYSTEM})
    @Operation(summary = "A county's index over time", description = "Every change of the county's answer, oldest first, "
            + "optionally limited to a period and to a time window [from, to).")
    @APIResponse(responseCode = "200", description = "one page of changes")
    @APIResponse(responseCode = "401", description = "no or bad token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "role may not read indices", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "unknown county or outside the caller's scope", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "bad period, from, to or paging", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResult<IndexQueries.HistoryEntry> history(@PathParam("code") String code,
                                                         @Parameter(description = "date or timestamp, inclusive") @QueryParam("from") String from,
                                                         @Parameter(description = "date (whole day included) or timestamp, exclusive") @QueryParam("to") String to,
                                                         @Parameter(description = "only this calendar year", schema = @Schema(type = SchemaType.INTEGER, minimum = "" + Periods.MIN, maximum = "" + Periods.MAX)) @QueryParam("period") String period,
                                                         @BeanParam @Valid PageRequest page) {
        CountyRef county = readable(code);
        Instant fromInstant = QueryValues.instant("from", from, false);
        Instant toInstant = QueryValues.instant("to", to, true);
        if (fromInstant != null && toInstant != null && fromInstant.isAfter(toInstant)) {
            throw ProblemException.invalid("from", "must not be after to");
        }
        return queries.history(county.code(), QueryValues.integer("period", period, Periods.MIN, Periods.MAX, null), fromInstant, toInstant, page);
    }

    private CountyRef readable(String code) {
        if (!CountyCode.isValid(code)) {
            throw ProblemException.notFound("county", code);
        }
        return directory.find(code).filter(access::canRead).orElseThrow(() -> ProblemException.notFound("county", code));
    }
}
