package io.rectify.scoring.rest;

import io.rectify.contracts.CountyCode;
import io.rectify.platform.rest.QueryValues;
import io.rectify.scoring.domain.Periods;

import io.rectify.platform.pdf.PdfRenderer;
import io.rectify.platform.problem.Problem;
import io.rectify.platform.problem.ProblemException;
import io.rectify.platform.security.Roles;
import io.rectify.scoring.report.CountyReportPdf;
import io.rectify.scoring.service.CountyDirectory;
import io.rectify.scoring.service.CountyIndexService;
import io.rectify.scoring.service.CountyRef;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The printed county report (PDF), for the county's meeting and the city. */
@Path("/api/v1/counties/{code}/report")
@Tag(name = "County index")
public class CountyReportResource {

    @Inject
    CountyDirectory directory;

    @Inject
    CountyAccess access;

    @Inject
    CountyIndexService indexes;

    @Inject
    CountyReportPdf pdf;

    @GET
    @Produces(PdfRenderer.MEDIA_TYPE)
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_REGULATOR, Roles.CITY_REGULATOR, Roles.COUNTY_REGULATOR, Roles.EXPERT,
            Roles.ENTERPRISE, Roles.AGENCY_SYSTEM})
    @Operation(summary = "A county's index report as PDF (Accept: application/pdf)",
            description = "Chinese first, English beside it, font embedded: the index and its rubric version, every indicator "
                    + "(numerator, denominator, rate, score, weight, effective weight, contribution), the deductions, demonstration "
                    + "eligibility and what is missing for it, the index over time as a chart (the day's last index), the ranking "
                    + "position and the overdue major hazards. Readable by whoever may read the county's index.")
    @APIResponse(responseCode = "200", description = "the report",
            content = @Content(mediaType = PdfRenderer.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "401", description = "no or bad token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "role may not read indices", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "unknown county or outside the caller's scope", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = "the client does not accept application/pdf", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "bad period", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response report(@PathParam("code") String code,
                           @Parameter(description = "calendar year; default the current one") @QueryParam("period") String period) {
        if (!CountyCode.isValid(code)) {
            throw ProblemException.notFound("county", code);
        }
        CountyRef county = directory.find(code).filter(access::canRead).orElseThrow(() -> ProblemException.notFound("county", code));
        int year = QueryValues.integer("period", period, Periods.MIN, Periods.MAX, indexes.currentPeriod());
        return Response.ok(pdf.render(county, year), PdfRenderer.MEDIA_TYPE)
                .header("Content-Disposition", "inline; filename=\"" + CountyReportPdf.fileName(code, year) + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
