package io.rectify.inspection.audit;

import io.rectify.inspection.service.InspectionService;
import io.rectify.platform.audit.AuditVerifier;
import io.rectify.platform.audit.ChainVerification;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

import static io.rectify.platform.security.Roles.ADMIN;
import static io.rectify.platform.security.Roles.AGENCY_SYSTEM;
import static io.rectify.platform.security.Roles.CITY_REGULATOR;
import static io.rectify.platform.security.Roles.COUNTY_REGULATOR;
import static io.rectify.platform.security.Roles.ENTERPRISE;
import static io.rectify.platform.security.Roles.EXPERT;
import static io.rectify.platform.security.Roles.PROVINCE_REGULATOR;

/** The check of one inspection's audit trail, for whoever may read the inspection. */
@Path("/api/v1/inspections/{id}/trail/verification")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "inspections")
public class InspectionTrailResource {

    @Inject
    InspectionService inspections;

    @Inject
    AuditVerifier verifier;

    @GET
    @RolesAllowed({ADMIN, PROVINCE_REGULATOR, CITY_REGULATOR, COUNTY_REGULATOR, EXPERT, ENTERPRISE, AGENCY_SYSTEM})
    @Operation(summary = "Check an inspection's audit trail", description = "Recomputes the inspection's hash chain (findings, consents, "
            + "completion): intact, entries, brokenAt (seq of the first entry that does not hold, or null).")
    @APIResponse(responseCode = "200", description = "The check")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "NotFound")
    public ChainVerification verify(@PathParam("id") UUID id) {
        inspections.get(id);
        return verifier.verify(InspectionTrail.TRAIL, id);
    }
}
