package io.rectify.scoring.rest;

import io.rectify.contracts.scoring.ScoringSheet;
import io.rectify.platform.api.PageRequest;
import io.rectify.platform.api.PageResult;
import io.rectify.platform.problem.Problem;
import io.rectify.platform.problem.ProblemException;
import io.rectify.platform.rest.Versions;
import io.rectify.platform.security.Roles;
import io.rectify.scoring.api.ScoringSheetDocument;
import io.rectify.scoring.service.CountyIndexService;
import io.rectify.scoring.service.ScoringSheetService;
import io.rectify.scoring.service.StoredSheet;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/scoring-sheets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scoring sheets")
public class ScoringSheetResource {

    @Inject
    ScoringSheetService sheets;

    @Inject
    CountyIndexService indexes;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_REGULATOR, Roles.CITY_REGULATOR, Roles.COUNTY_REGULATOR, Roles.EXPERT,
            Roles.ENTERPRISE, Roles.AGENCY_SYSTEM})
    @Operation(summary = "Stored scoring sheets", description = "Every sheet version (重点工作落实情况评分细则), by period; one is active per period.")
    @APIResponse(responseCode = "200", description = "one page of sheets")
    @APIResponse(responseCode = "401", description = "no or bad token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "bad paging", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResult<ScoringSheetDocument> list(@BeanParam @Valid PageRequest page) {
        return sheets.list(page).map(ScoringSheetDocument::of);
    }

    @GET
    @Path("{version}")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_REGULATOR, Roles.CITY_REGULATOR, Roles.COUNTY_REGULATOR, Roles.EXPERT,
            Roles.ENTERPRISE, Roles.AGENCY_SYSTEM})
    @Operation(summary = "One scoring sheet version", description = "Its sections per key task and their items.")
    @APIResponse(responseCode = "200", description = "the sheet; ETag = its revision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScoringSheetDocument.class)))
    @APIResponse(responseCode = "401", description = "no or bad token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("version") String version) {
        StoredSheet sheet = sheets.find(version).orElseThrow(() -> ProblemException.notFound("scoring sheet", version));
        return Response.ok(ScoringSheetDocument.of(sheet)).tag(Versions.etag(sheet.revision())).build();
    }

    @PUT
    @Path("{version}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Store and activate a scoring sheet version for its period, then recompute every county",
            description = "The sheet is checked completely (a section with items for each of the six key tasks, unique item ids, "
                    + "points > 0 adding up to the total, LEVEL or COUNT judgement, a target for COUNT items); a refusal lists "
                    + "every problem. The stored version becomes the one in force for its period.")
    @APIResponse(responseCode = "200", description = "stored and active; every county recomputed",
            headers = @Header(name = RubricResource.ANSWERS_CHANGED, description = "county/period answers that changed"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScoringSheetDocument.class)))
    @APIResponse(responseCode = "400", description = "malformed JSON", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "no or bad token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "only ADMIN may change scoring sheets", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names another revision", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "the sheet is not valid: every problem in errors[{field,message}]", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response put(@PathParam("version") String version, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, ScoringSheet sheet) {
        StoredSheet stored = sheets.put(version, sheet, ifMatch);
        int changed = indexes.recomputeAll();
        return Response.ok(ScoringSheetDocument.of(stored)).tag(Versions.etag(stored.revision())).header(RubricResource.ANSWERS_CHANGED, changed).build();
    }
}
