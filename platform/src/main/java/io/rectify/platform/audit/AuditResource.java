package io.rectify.platform.audit;

import io.rectify.platform.problem.ProblemException;
import io.rectify.platform.security.Roles;
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

import java.util.List;

/**
 * The audit trails of this service, checked on demand. Every service has it (it lives in the
 * platform). For ADMIN and AGENCY_SYSTEM, who see everything: the answer names aggregates of every
 * jurisdiction.
 */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit")
public class AuditResource {

    @Inject
    AuditVerifier verifier;

    @Inject
    AuditCheckpoints checkpoints;

    @GET
    @Path("/checkpoints/latest")
    @RolesAllowed({Roles.ADMIN, Roles.AGENCY_SYSTEM})
    @Operation(summary = "The latest signed checkpoint of this service", description = "As published on audit.checkpoints.")
    @APIResponse(responseCode = "200", description = "The checkpoint")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public io.rectify.contracts.audit.AuditCheckpoint latestCheckpoint() {
        return checkpoints.latest().orElseThrow(() -> ProblemException.notFound("audit checkpoint", "latest"));
    }

    @GET
    @Path("/checkpoints/{seq}/verification")
    @RolesAllowed({Roles.ADMIN, Roles.AGENCY_SYSTEM})
    @Operation(summary = "Hold a checkpoint against the trails as they are now",
            description = "Recomputes the root from the stored entries up to where the checkpoint saw each chain: matches is false when "
                    + "anything the checkpoint covered was changed since.")
    @APIResponse(responseCode = "200", description = "The check")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public CheckpointVerification verifyCheckpoint(@PathParam("seq") long seq) {
        return checkpoints.verify(seq).orElseThrow(() -> ProblemException.notFound("audit checkpoint", seq));
    }

    @GET
    @Path("/verification")
    @RolesAllowed({Roles.ADMIN, Roles.AGENCY_SYSTEM})
    @Operation(summary = "Check every audit trail of this service",
            description = "Recomputes every chain from the stored entries: intact, entries and chains walked, and each broken chain with its first broken entry.")
    @APIResponse(responseCode = "200", description = "The check")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public ServiceVerification all() {
        return verifier.verifyAll();
    }

    @GET
    @Path("/trails")
    @RolesAllowed({Roles.ADMIN, Roles.AGENCY_SYSTEM})
    @Operation(summary = "The audit trails of this service", description = "Names to use in /api/v1/audit/trails/{trail}/{aggregateId}/verification.")
    @APIResponse(responseCode = "200", description = "Trail names")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public List<String> trails() {
        return verifier.trails().stream().map(AuditTrail::name).toList();
    }

    @GET
    @Path("/trails/{trail}/{aggregateId}/verification")
    @RolesAllowed({Roles.ADMIN, Roles.AGENCY_SYSTEM})
    @Operation(summary = "Check one aggregate's chain", description = "intact, entries, brokenAt (the seq of the first entry that does not hold, or null). "
            + "An aggregate without entries is intact with 0 entries.")
    @APIResponse(responseCode = "200", description = "The check")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ChainVerification one(@PathParam("trail") String trail, @PathParam("aggregateId") String aggregateId) {
        AuditTrail t = verifier.trail(trail).orElseThrow(() -> ProblemException.notFound("audit trail", trail));
        return verifier.verifyText(t, aggregateId);
    }
}
