package io.rectify.inspection.rest;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.rectify.inspection.config.InspectionConfig;
import io.rectify.inspection.service.DebriefService;
import io.rectify.inspection.service.NightlyDebrief;
import io.rectify.platform.pdf.PdfRenderer;
import io.rectify.platform.problem.ProblemException;
import io.rectify.platform.rest.QueryValues;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static io.rectify.platform.security.Roles.ADMIN;
import static io.rectify.platform.security.Roles.AGENCY_SYSTEM;
import static io.rectify.platform.security.Roles.CITY_REGULATOR;
import static io.rectify.platform.security.Roles.COUNTY_REGULATOR;
import static io.rectify.platform.security.Roles.EXPERT;
import static io.rectify.platform.security.Roles.PROVINCE_REGULATOR;

/** The nightly debrief of a county and day: JSON for systems, a printable page (HTML, PDF or Markdown) for the evening meeting. */
@Path("/api/v1/counties/{code}/debriefs")
@Tag(name = "Nightly debrief", description = "夜间工作会: the day's inspections and findings of a county")
public class DebriefResource {

    public static final String TEXT_MARKDOWN = "text/markdown";
    private static final MediaType HTML = MediaType.valueOf(MediaType.TEXT_HTML + ";charset=UTF-8");
    private static final MediaType MARKDOWN = MediaType.valueOf(TEXT_MARKDOWN + ";charset=UTF-8");
    private static final MediaType PDF = MediaType.valueOf(PdfRenderer.MEDIA_TYPE);
    private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    DebriefService debriefs;

    @Inject
    InspectionConfig config;

    @Inject
    @Location("debrief.html")
    Template html;

    @Inject
    @Location("debrief.md")
    Template markdown;

    @Inject
    PdfRenderer renderer;

    @GET
    @Path("/{date}")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML, TEXT_MARKDOWN, PdfRenderer.MEDIA_TYPE})
    @RolesAllowed({ADMIN, PROVINCE_REGULATOR, CITY_REGULATOR, COUNTY_REGULATOR, EXPERT, AGENCY_SYSTEM})
    @Operation(summary = "The nightly debrief of a county and day", description = "The day's inspections with their findings (withdrawn "
            + "ones left out), counted by grade and key task. `Accept: application/json` (default), `text/html` for a printable, "
            + "self-contained page, `text/markdown`, or `application/pdf` (the printable page as PDF, CJK font embedded).")
    @APIResponse(responseCode = "200", description = "The debrief", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NightlyDebrief.class)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            @Content(mediaType = TEXT_MARKDOWN, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            @Content(mediaType = PdfRenderer.MEDIA_TYPE, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary"))})
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "NotFound")
    @APIResponse(ref = "ValidationFailed")
    public Response debrief(@PathParam("code") String code, @PathParam("date") String date, @Context HttpHeaders headers) {
        NightlyDebrief debrief = debriefs.debrief(code, parseDate(date));
        MediaType wanted = preferred(headers.getAcceptableMediaTypes());
        if (wanted == null) {
            return Response.ok(debrief, MediaType.APPLICATION_JSON_TYPE).build();
        }
        String generatedAt = PRINTED.format(debrief.generatedAt().atZone(config.debriefZone())) + " (" + config.debriefZone() + ")";
        if (wanted == PDF) {
            // the printable page, laid out for paper by the renderer every report shares
            byte[] pdf = renderer.render(html.data("debrief", debrief).data("generatedAt", generatedAt).render(), "debrief " + code + " " + date);
            return Response.ok(pdf, PDF)
                    .header("Content-Disposition", "inline; filename=\"debrief-" + code + "-" + debrief.date() + ".pdf\"")
                    .build();
        }
        Template template = wanted == HTML ? html : markdown;
        return Response.ok(template.data("debrief", debrief).data("generatedAt", generatedAt).render(), wanted).build();
    }

    /** The printable type the client prefers, or null for JSON (also the answer to {@code *}{@code /*}). */
    static MediaType preferred(List<MediaType> acceptable) {
        for (MediaType type : acceptable) {
            if (type.isWildcardType() || MediaType.APPLICATION_JSON_TYPE.isCompatible(type)) {
                return null;
            }
            if (type.getType().equals("text") && type.getSubtype().equals("html")) {
                return HTML;
            }
            if (type.getType().equals("text") && type.getSubtype().equals("markdown")) {
                return MARKDOWN;
            }
            if (PDF.isCompatible(type) && !type.isWildcardSubtype()) {
                return PDF;
            }
        }
        return null;
    }

    private static LocalDate parseDate(String date) {
        LocalDate day = QueryValues.date("date", date);
        if (day == null) {
            throw ProblemException.invalid("date", "must be a date YYYY-MM-DD");
        }
        return day;
    }
}
