package io.rectify.notification.service;

import io.rectify.contracts.EventJson;
import io.rectify.contracts.Topics;
import io.rectify.contracts.hazard.DeadlineExtended;
import io.rectify.contracts.hazard.HazardEvent;
import io.rectify.contracts.hazard.HazardSnapshot;
import io.rectify.contracts.notification.ChaseClosed;
import io.rectify.notification.domain.Chase;
import io.rectify.notification.domain.ChaseState;
import io.rectify.notification.domain.ChaseStatus;
import io.rectify.notification.domain.Grade;
import io.rectify.platform.outbox.Outbox;
import io.rectify.platform.tracing.Traces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Keeps one chase per hazard from the snapshots on {@code hazard.events}: pause, resume, stop and re-plan
 * follow from the hazard's status and due date in force (chasing.md). Runs in the consumer's transaction,
 * with the chase row locked so a concurrent sweep and this update never interleave.
 */
@ApplicationScoped
public class ChaseBook {

    private static final Logger LOG = Logger.getLogger(ChaseBook.class);

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    ChaseWithdrawal withdrawal;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(String eventName, HazardEvent event) {
        HazardSnapshot h = event.hazard();
        if (h == null || h.id() == null || h.dueAt() == null || h.countyCode() == null) {
            throw new IllegalArgumentException(eventName + " carries no usable hazard snapshot");
        }
        Instant now = Instant.now();
        String trace = Traces.current(); // the consumer's span, continuing the hazard event's trace
        Chase chase = em.find(Chase.class, h.id(), LockModeType.PESSIMISTIC_WRITE);
        if (chase == null) {
            open(h, now, trace);
            return;
        }
        if (h.version() < chase.snapshotVersion) {
            LOG.debugf("ignored %s of hazard %s: version %d is older than %d", eventName, h.id(), h.version(), chase.snapshotVersion);
            return;
        }
        update(chase, eventName, event, now);
        if (trace != null) {
            chase.traceparent = trace;
        }
    }

    private void open(HazardSnapshot h, Instant now, String trace) {
        ChaseStatus status = ChaseStatus.forHazardStatus(h.status());
        if (status == ChaseStatus.CLOSED) {
            return; // signed off before we ever saw it: nothing to chase
        }
        Chase chase = new Chase();
        chase.hazardId = h.id();
        chase.createdAt = now;
        copySnapshot(chase, h, now);
        chase.setState(ChaseState.fresh(Grade.of(h.grade()), dueAtOf(h), status));
        chase.nextStepAt = status == ChaseStatus.ACTIVE ? now : null;
        chase.traceparent = trace;
        chase.persist();
        LOG.infof("chase opened for hazard %s (county %s, %s, due %s, %s)", h.id(), h.countyCode(), chase.grade, h.dueAt(), status);
    }

    private void update(Chase chase, String eventName, HazardEvent event, Instant now) {
        HazardSnapshot h = event.hazard();
        ChaseStatus before = chase.status;
        ChaseStatus after = ChaseStatus.forHazardStatus(h.status());
        ChaseState state = chase.state();
        copySnapshot(chase, h, now);
        chase.grade = Grade.of(h.grade());

        if (event instanceof DeadlineExtended || !dueAtOf(h).equals(state.dueAt())) {
            state = state.replannedFor(dueAtOf(h));
            withdrawal.withdraw(h.id(), ChaseWithdrawal.DEADLINE_EXTENDED); // reminders of the old due date are stale
            LOG.infof("chase of hazard %s re-planned for due date %s (%s)", h.id(), h.dueAt(), eventName);
        }
        state = new ChaseState(Grade.of(h.grade()), state.dueAt(), state.status(), state.level(), state.dueSoonSent(),
                state.overdueSent(), state.repeatsSent(), state.lastOverdueNoticeAt(), state.resumedAt());

        if (after == ChaseStatus.CLOSED) {
            state = state.withStatus(ChaseStatus.CLOSED);
            if (before != ChaseStatus.CLOSED) {
                close(chase, event);
            }
        } else if (after == ChaseStatus.PAUSED) {
            state = state.withStatus(ChaseStatus.PAUSED);
            if (before == ChaseStatus.ACTIVE) {
                withdrawal.withdraw(h.id(), ChaseWithdrawal.CHASE_PAUSED); // rectified, waiting for verification: stop reminding
                LOG.infof("chase of hazard %s paused (%s)", h.id(), h.status());
            }
        } else if (before != ChaseStatus.ACTIVE) {
            state = state.resumedAt(event.occurredAt() != null ? event.occurredAt() : now);
            chase.closedAt = null;
            LOG.infof("chase of hazard %s resumed (%s)", h.id(), eventName);
        }
        chase.setState(state);
        // let the next sweep look at it: the due date in force decides the next step
        chase.nextStepAt = chase.status == ChaseStatus.ACTIVE ? now : null;
    }

    private void close(Chase chase, HazardEvent event) {
        Instant at = event.occurredAt() != null ? event.occurredAt() : Instant.now();
        chase.closedAt = at;
        // nothing more is sent once signed off, not even what was recorded but not yet delivered
        int cancelled = withdrawal.withdraw(chase.hazardId, ChaseWithdrawal.CHASE_CLOSED);
        outbox.append(Topics.NOTIFICATION_EVENTS, new ChaseClosed(chase.hazardId, chase.countyCode, "SIGNED_OFF", at), at);
        LOG.infof("chase of hazard %s closed: signed off at %s, %d undelivered notifications superseded", chase.hazardId, at, cancelled);
    }

    /** The due date as the database keeps it (microseconds), so an unchanged date never looks changed. */
    private static Instant dueAtOf(HazardSnapshot h) {
        return h.dueAt().truncatedTo(ChronoUnit.MICROS);
    }

    private static void copySnapshot(Chase chase, HazardSnapshot h, Instant now) {
        chase.countyCode = h.countyCode();
        chase.city = h.city();
        chase.province = h.province();
        chase.enterpriseCreditCode = h.enterpriseCreditCode();
        chase.hazardStatus = h.status() == null ? "OPEN" : h.status();
        chase.snapshotVersion = h.version();
        chase.snapshot = EventJson.write(h);
        chase.updatedAt = now;
    }
}
