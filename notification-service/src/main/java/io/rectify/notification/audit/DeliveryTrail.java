package io.rectify.notification.audit;

import io.rectify.platform.audit.AuditTrail;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.List;

/** notification-service's audit trail: every delivery attempt, hash-chained per notification. */
public final class DeliveryTrail {

    public static final AuditTrail TRAIL = new AuditTrail("delivery_attempt", "delivery_attempt", "notification_id",
            List.of("attempt", "attempted_at", "outcome", "http_status", "detail"));

    @Produces
    @Singleton
    AuditTrail trail() {
        return TRAIL;
    }
}
