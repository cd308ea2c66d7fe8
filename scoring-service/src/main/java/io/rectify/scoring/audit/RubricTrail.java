package io.rectify.scoring.audit;

import io.rectify.platform.audit.AuditChain;
import io.rectify.platform.audit.AuditJson;
import io.rectify.platform.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** scoring-service's audit trail: every change of a rubric, hash-chained per rubric version. */
@ApplicationScoped
public class RubricTrail {

    public static final AuditTrail TRAIL = new AuditTrail("rubric_trail", "rubric_trail", "version",
            List.of("at", "who", "role", "action", "revision", "document"));

    /** What happened to a rubric version. */
    public enum Action { INSTALL, STORE, ACTIVATE, DEACTIVATE }

    @Inject
    AuditChain chain;

    @Produces
    @Singleton
    AuditTrail trail() {
        return TRAIL;
    }

    /** @param document the JSON stored, or {@code null} when only the active flag changed */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String version, Action action, String who, String role, Instant at, long revision, String document) {
        Map<String, Object> entry = new HashMap<>();
        entry.put("at", at);
        entry.put("who", who);
        entry.put("role", role);
        entry.put("action", action.name());
        entry.put("revision", revision);
        entry.put("document", document == null ? null : new AuditJson(document));
        chain.append(TRAIL, version, entry);
    }
}
