package io.rectify.inspection.rest;

import io.rectify.platform.problem.Problem;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The OpenAPI document's frame: the access rules in prose and the problem+json answers every
 * endpoint refers to by name ({@code ref = "NotFound"} …).
 */
@OpenAPIDefinition(
        info = @Info(title = "Rectify inspection-service", version = "1.0.0", description = """
                Key counties, enterprises, experts, campaigns, inspections with their findings and consents, and the nightly debrief.

                Access (bearer JWT, roles in `groups`, scope in `province`/`city`/`county`/`creditCode`):
                - ADMIN: everything, including reference data (key tasks, experts).
                - PROVINCE/CITY/COUNTY_REGULATOR: read everything inside their area; register and change counties and \
                enterprises inside their area; schedule and cancel inspections there; create campaigns over their counties; \
                PROVINCE_REGULATOR also registers experts.
                - EXPERT: read within the scope claims of the token (none: everywhere); schedule inspections they are \
                themselves assigned to; start, record consents and findings, complete and cancel only the inspections \
                they are assigned to (their account subject is the `subject` of one of the inspection's experts).
                - ENTERPRISE: read its own enterprise record and its own inspections (others are 404).
                - AGENCY_SYSTEM: read everything.
                Outside the caller's scope a single resource is 404 and lists are filtered; a wrong role is 403."""),
        components = @Components(responses = {
                @APIResponse(name = "Malformed", responseCode = "400", description = "The body is not well-formed JSON or a value has the wrong type",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "Unauthorized", responseCode = "401", description = "No bearer token, or an invalid one",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "Forbidden", responseCode = "403", description = "The role, or the caller's area or assignment, does not allow this",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "NotFound", responseCode = "404", description = "No such resource, or outside the caller's scope",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "Conflict", responseCode = "409", description = "Refused by the lifecycle (names currentStatus and allowedActions), a missing consent (names missingConsent), or a duplicate",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "Stale", responseCode = "412", description = "If-Match names an old version",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "Invalid", responseCode = "422", description = "A rule is broken; errors[] names each field",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
        }))
public class InspectionApi extends Application {
}
