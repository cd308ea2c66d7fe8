package io.rectify.inspection.audit;

import io.rectify.contracts.EventJson;
import io.rectify.platform.audit.AuditChain;
import io.rectify.platform.audit.AuditJson;
import io.rectify.platform.audit.AuditTrail;
import io.rectify.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * inspection-service's audit trail: findings recorded, edited and withdrawn, consents, completion and
 * cancellation of each inspection, hash-chained per inspection, written in the change's transaction.
 */
@ApplicationScoped
public class InspectionTrail {

    public static final AuditTrail TRAIL = new AuditTrail("inspection_trail", "inspection_trail", "inspection_id",
            List.of("at", "who", "role", "action", "subject_id", "payload"));

    @Inject
    AuditChain chain;

    @Inject
    Caller caller;

    @Produces
    @Singleton
    AuditTrail trail() {
        return TRAIL;
    }

    /** @param payload what the entry records (a document record, serialised as JSON) */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID inspectionId, String action, UUID subjectId, Instant at, Object payload) {
        Map<String, Object> entry = new HashMap<>();
        entry.put("at", at);
        entry.put("who", caller.subject());
        entry.put("role", caller.actingRole());
        entry.put("action", action);
        entry.put("subject_id", subjectId);
        entry.put("payload", new AuditJson(EventJson.write(payload)));
        chain.append(TRAIL, inspectionId, entry);
    }
}
