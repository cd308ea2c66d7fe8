package io.rectify.scoring.rest;

import io.rectify.platform.api.PageRequest;
import io.rectify.platform.api.PageResult;
import io.rectify.platform.problem.Problem;
import io.rectify.platform.problem.ProblemException;
import io.rectify.platform.rest.Versions;
import io.rectify.platform.security.Roles;
import io.rectify.scoring.api.StoredRubricDocument;
import io.rectify.scoring.domain.RubricDocument;
import io.rectify.scoring.service.CountyIndexService;
import io.rectify.scoring.service.RubricService;
import io.rectify.scoring.service.StoredRubric;
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

@Path("/api/v1/rubrics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rubrics")
public class RubricResource {

    /** How many county/period answers the recomputation after a PUT changed. */
    public static final String ANSWERS_CHANGED = "Rectify-Answers-Changed";

    @Inject
    RubricService rubrics;

    @Inject
    CountyIndexService indexes;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_REGULATOR, Roles.CITY_REGULATOR, Roles.COUNTY_REGULATOR, Roles.EXPERT,
            Roles.ENTERPRISE, Roles.AGENCY_SYSTEM})
    @Operation(summary = "Stored rubrics", description = "Every rubric version, oldest first; exactly one is active.")
    @APIResponse(responseCode = "200", description = "one page of rubrics")
    @APIResponse(responseCode = "401", description = "no or bad token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "bad paging", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResult<StoredRubricDocument> list(@BeanParam @Valid PageRequest page) {
        return rubrics.list(page).map(StoredRubricDocument::of);
    }

    @GET
    @Path("{version}")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_REGULATOR, Roles.CITY_REGULATOR, Roles.COUNTY_REGULATOR, Roles.EXPERT,
            Roles.ENTERPRISE, Roles.AGENCY_SYSTEM})
    @Operation(summary = "One rubric version", description = "Its indicators, deductions and demonstration thresholds.")
    @APIResponse(responseCode = "200", description = "the rubric; ETag = its revision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StoredRubricDocument.class)))
    @APIResponse(responseCode = "401", description = "no or bad token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("version") String version) {
        StoredRubric rubric = rubrics.find(version).orElseThrow(() -> ProblemException.notFound("rubric", version));
        return Response.ok(StoredRubricDocument.of(rubric)).tag(Versions.etag(rubric.revision())).build();
    }

    @PUT
    @Path("{version}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Store and activate a rubric version, then recompute every county",
            description = "The document is checked completely (weights > 0, points and caps 0–100, thresholds in range, known "
                    + "indicator and deduction codes); a refusal lists every problem. The stored version becomes the one in force "
                    + "and every county's answer is recomputed before the answer returns.")
    @APIResponse(responseCode = "200", description = "stored and active; every county recomputed",
            headers = @Header(name = ANSWERS_CHANGED, description = "county/period answers that changed"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StoredRubricDocument.class)))
    @APIResponse(responseCode = "400", description = "malformed JSON", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "no or bad token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "only ADMIN may change rubrics", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names another revision", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "the rubric is not valid: every problem in errors[{field,message}]", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response put(@PathParam("version") String version, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, RubricDocument document) {
        StoredRubric stored = rubrics.put(version, document, ifMatch);
        int changed = indexes.recomputeAll();
        return Response.ok(StoredRubricDocument.of(stored)).tag(Versions.etag(stored.revision())).header(ANSWERS_CHANGED, changed).build();
    }
}
