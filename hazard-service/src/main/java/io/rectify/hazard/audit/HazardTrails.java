package io.rectify.hazard.audit;

import io.rectify.platform.audit.AuditTrail;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.List;

/** hazard-service's audit trail: each hazard's history, one hash chain per hazard. */
public final class HazardTrails {

    public static final AuditTrail HISTORY = new AuditTrail("hazard_history", "hazard_history", "hazard_id",
            List.of("at", "who", "role", "action", "from_status", "to_status", "payload", "hazard_version"));

    @Produces
    @Singleton
    AuditTrail history() {
        return HISTORY;
    }
}
