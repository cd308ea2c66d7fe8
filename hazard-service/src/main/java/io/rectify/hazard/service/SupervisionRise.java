package io.rectify.hazard.service;

import io.rectify.contracts.hazard.Actor;
import io.rectify.contracts.hazard.SupervisionRaised;
import io.rectify.contracts.notification.EscalationRaised;
import io.rectify.hazard.domain.Grade;
import io.rectify.hazard.domain.Hazard;
import io.rectify.hazard.domain.HazardStatus;
import io.rectify.hazard.domain.SupervisionLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Supervision that rises with the chase (挂牌督办): when notification-service escalates a major hazard's
 * chase to the city or the province, the hazard's listed supervision rises to that level (never down), on
 * its trail and as {@code SupervisionRaised}; sign-off then needs a regulator of that level or above
 * ({@link HazardPermissions}). General hazards are chased too but are not under listed supervision.
 */
@ApplicationScoped
public class SupervisionRise {

    private static final Logger LOG = Logger.getLogger(SupervisionRise.class);
    static final Actor CHASE = new Actor("notification-service", "SYSTEM");
    public static final String ACTION = "RAISE_SUPERVISION";

    @Inject
    EntityManager em;

    @Inject
    HazardTrail trail;

    /** In the consumer's transaction. A redelivery, or an escalation no higher than the level held, changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void on(EscalationRaised escalation) {
        if (escalation.hazardId() == null || escalation.level() == null) {
            throw new IllegalArgumentException("EscalationRaised needs hazardId and level");
        }
        SupervisionLevel to;
        try {
            to = SupervisionLevel.valueOf(escalation.level());
        } catch (IllegalArgumentException e) {
            return; // the chase's other levels (ENTERPRISE, COUNTY) do not raise supervision
        }
        Hazard h = em.find(Hazard.class, escalation.hazardId(), LockModeType.PESSIMISTIC_WRITE);
        if (h == null || h.grade != Grade.MAJOR || h.status == HazardStatus.SIGNED_OFF) {
            return;
        }
        SupervisionLevel from = h.supervisionLevel == null ? SupervisionLevel.COUNTY : h.supervisionLevel;
        if (to.compareTo(from) <= 0) {
            return;
        }
        h.supervisionLevel = to;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        trail.record(h, h.status, ACTION, CHASE, now,
                Map.of("from", from.name(), "to", to.name(), "escalationId", String.valueOf(escalation.notificationId())),
                s -> new SupervisionRaised(s, CHASE, now, from.name(), to.name(), escalation.notificationId()));
        LOG.infof("hazard %s supervision raised %s -> %s by escalation %s", h.id, from, to, escalation.notificationId());
    }
}
