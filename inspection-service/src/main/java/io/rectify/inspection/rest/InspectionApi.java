package io.rectify.inspection.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * The OpenAPI document's frame: the access rules in prose. The problem+json answers endpoints refer
 * to by name ({@code ref = "NotFound"} …) come from the platform's {@code ProblemResponses} filter.
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
                Outside the caller's scope a single resource is 404 and lists are filtered; a wrong role is 403."""))
public class InspectionApi extends Application {
}
