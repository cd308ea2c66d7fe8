package io.rectify.hazard.rest;

import io.rectify.platform.problem.ProblemException;

import io.rectify.hazard.config.HazardConfig;
import io.rectify.hazard.export.ExportFormat;
import io.rectify.hazard.export.Lang;
import io.rectify.hazard.export.RegisterExport;
import io.rectify.hazard.service.HazardCondition;
import io.rectify.hazard.service.HazardQueries;
import io.rectify.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

/**
 * The hazard register (隐患台账) as a spreadsheet: the search's filters and scope, every matching hazard
 * (not a page), streamed. Bad parameters are answered before the first byte, as problems.
 */
@Path("/api/v1/hazards/export")
@Tag(name = "Hazards")
public class HazardExportResource {

    @Inject
    HazardQueries queries;

    @Inject
    RegisterExport export;

    @Inject
    HazardConfig config;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_REGULATOR, Roles.CITY_REGULATOR, Roles.COUNTY_REGULATOR, Roles.EXPERT, Roles.ENTERPRISE, Roles.AGENCY_SYSTEM})
    @Operation(summary = "Export the hazard register (XLSX or CSV)",
            description = "Every hazard the same search would find (same filters, same caller scope), newest first, one row each: "
                    + "county, enterprise, source, key task, grade and major criterion, description, reported, due, status, days "
                    + "overdue, the plan's five assurances, rejections, extensions, reopenings, sign-off, evidence. XLSX adds a "
                    + "second sheet with the audit trail of every exported hazard. Chinese headers unless lang=en or "
                    + "Accept-Language: en. Streamed: the download starts at once, however many hazards there are.")
    @APIResponse(responseCode = "200", description = "The register", content = {
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Response export(
            @Parameter(description = "xlsx (default) or csv") @QueryParam("format") String format,
            @Parameter(description = "zh (default) or en; without it, Accept-Language decides") @QueryParam("lang") String lang,
            @BeanParam HazardFilterParams params,
            @Context HttpHeaders headers) {
        ExportFormat exportFormat = formatOf(format);
        Lang language = Lang.of(lang, headers.getAcceptableLanguages());
        if (language == null) {
            throw ProblemException.invalid("lang", "must be zh or en");
        }
        ZoneId zone = ZoneId.of(config.zone());
        // the condition (caller scope, filter, "now") is fixed here, in the request, before any byte is sent
        HazardCondition condition = queries.condition(params.toFilter(zone));
        StreamingOutput body = out -> export.write(condition, exportFormat, language, zone, out);
        String file = "hazard-register-" + LocalDate.now(zone) + "." + exportFormat.extension;
        return Response.ok(body, exportFormat.mediaType)
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private static ExportFormat formatOf(String format) {
        if (format == null || format.isBlank()) {
            return ExportFormat.XLSX;
        }
        return switch (format.trim().toLowerCase(Locale.ROOT)) {
            case "xlsx" -> ExportFormat.XLSX;
            case "csv" -> ExportFormat.CSV;
            default -> throw ProblemException.invalid("format", "must be xlsx or csv");
        };
    }
}
