package io.rectify.scoring.dashboard;

import io.rectify.contracts.EventJson;
import io.rectify.platform.pdf.PdfRenderer;
import io.rectify.platform.problem.Problem;
import io.rectify.platform.problem.ProblemException;
import io.rectify.scoring.report.CountyReportPdf;
import io.rectify.scoring.service.CountyDirectory;
import io.rectify.scoring.service.CountyIndexService;
import io.rectify.scoring.service.CountyRef;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The operators' dashboard: one page, its stylesheet and script, and the read-only stream that feeds it.
 * No token (an operator screen on the internal network; see the README for why and what it leaves out);
 * everything under {@code /api} stays protected. The Content-Security-Policy lets the page load and
 * connect to this origin only.
 */
@Path("/dashboard")
@PermitAll
@Tag(name = "Operators' dashboard", description = "A live web page of the county ranking, fed from Kafka; no token")
public class DashboardResource {

    private static final Logger LOG = Logger.getLogger(DashboardResource.class);

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static final Map<String, MediaType> ASSETS = Map.of(
            "index.html", MediaType.valueOf("text/html;charset=UTF-8"),
            "dashboard.css", MediaType.valueOf("text/css;charset=UTF-8"),
            "dashboard.js", MediaType.valueOf("text/javascript;charset=UTF-8"));

    private final Map<String, byte[]> loaded = new ConcurrentHashMap<>();

    @Inject
    DashboardStream stream;

    @Inject
    DashboardConfig config;

    @Inject
    CountyDirectory directory;

    @Inject
    CountyIndexService indexes;

    @Inject
    CountyReportPdf reportPdf;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The operators' dashboard page",
            description = "County ranking with live index bars, a county's indicator breakdown and deductions, demonstration "
                    + "eligibility, overdue major hazards and the latest reminders and escalations. Plain HTML, CSS and script "
                    + "from this service only.")
    @APIResponse(responseCode = "200", description = "the page", content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "404", description = "the dashboard is turned off (rectify.dashboard.enabled)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response page() {
        return asset("index.html");
    }

    @GET
    @Path("{asset: dashboard\\.(css|js)}")
    @Produces({"text/css", "text/javascript"})
    @Operation(summary = "The dashboard's stylesheet or script")
    @APIResponse(responseCode = "200", description = "the file")
    @APIResponse(responseCode = "404", description = "the dashboard is turned off",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response file(@PathParam("asset") String name) {
        return asset(name);
    }

    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Server-Sent Events feeding the dashboard",
            description = "First a `snapshot` (every county's current index with its explanation, the overdue major hazards, "
                    + "the latest notification events), then `index` (one county's new index), `notification` (a reminder, "
                    + "escalation, failure or closed chase; recipients are never included) and `overdue` (the new list) as "
                    + "they happen, and a comment line as heartbeat. Each event's data is JSON. Read-only, no token.")
    @APIResponse(responseCode = "200", description = "an endless text/event-stream", content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS))
    @APIResponse(responseCode = "404", description = "the dashboard is turned off",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "too many open streams on this instance",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Multi<OutboundSseEvent> stream(Sse sse) {
        requireEnabled();
        if (stream.openStreams() >= config.maxStreams()) {
            throw new ProblemException(Problem.of(503, "dashboard-busy", "Service unavailable",
                    "this instance already serves " + config.maxStreams() + " dashboard streams"));
        }
        Multi<OutboundSseEvent> events = stream.open().map(event -> sse.newEventBuilder()
                .name(event.name())
                .mediaType(MediaType.TEXT_PLAIN_TYPE) // the data is already JSON text
                .data(EventJson.write(event.data()))
                .build());
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(config.heartbeat())
                .onOverflow().drop()
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        return Multi.createBy().merging().streams(events, heartbeats);
    }

    @GET
    @Path("snapshot")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "What the dashboard shows now", description = "The same JSON as the stream's first `snapshot` event.")
    @APIResponse(responseCode = "200", description = "the snapshot",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DashboardSnapshot.class)))
    @APIResponse(responseCode = "404", description = "the dashboard is turned off",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response snapshot() {
        requireEnabled();
        return Response.ok(EventJson.write(stream.snapshot()), MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("links")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Where the page links the selected county's printed report and hazard register")
    @APIResponse(responseCode = "200", description = "the links")
    @APIResponse(responseCode = "404", description = "the dashboard is turned off",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response links() {
        requireEnabled();
        return Response.ok(EventJson.write(Map.of("countyReport", "counties/{code}/report.pdf",
                "hazardExport", config.hazardExportUrl())), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("counties/{code}/report.pdf")
    @Produces(PdfRenderer.MEDIA_TYPE)
    @Operation(summary = "The selected county's report as PDF, for the wall screen",
            description = "The county report of GET /api/v1/counties/{code}/report for the current period: the same figures the "
                    + "page shows (index, indicators, deductions, ranking, overdue major hazards), so it needs no token either.")
    @APIResponse(responseCode = "200", description = "the report", content = @Content(mediaType = PdfRenderer.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "unknown county, or the dashboard is turned off",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response countyReport(@PathParam("code") String code) {
        requireEnabled();
        CountyRef county = (code != null && code.matches("^[0-9A-Z]{6,12}$") ? directory.find(code) : java.util.Optional.<CountyRef>empty())
                .orElseThrow(() -> ProblemException.notFound("county", code));
        int period = indexes.currentPeriod();
        return Response.ok(reportPdf.render(county, period), PdfRenderer.MEDIA_TYPE)
                .header("Content-Disposition", "inline; filename=\"" + CountyReportPdf.fileName(code, period) + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .build();
    }

    private Response asset(String name) {
        requireEnabled();
        MediaType type = ASSETS.get(name);
        if (type == null) {
            throw ProblemException.notFound("file", name);
        }
        return Response.ok(loaded.computeIfAbsent(name, DashboardResource::read), type)
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-cache")
                .build();
    }

    private void requireEnabled() {
        if (!config.enabled()) {
            throw ProblemException.notFound("page", "/dashboard");
        }
    }

    private static byte[] read(String name) {
        try (InputStream in = DashboardResource.class.getClassLoader().getResourceAsStream("dashboard/" + name)) {
            if (in == null) {
                throw new IllegalStateException("dashboard/" + name + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            LOG.errorf("cannot read dashboard/%s", name);
            throw new UncheckedIOException(e);
        }
    }
}
