package io.rectify.notification.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rectify.contracts.Topics;
import io.rectify.contracts.notification.NotificationFailed;
import io.rectify.contracts.notification.ReminderSent;
import io.rectify.notification.config.ChasingConfig;
import io.rectify.notification.domain.Channel;
import io.rectify.notification.domain.DeliveryAttempt;
import io.rectify.notification.domain.Notification;
import io.rectify.notification.domain.NotificationStatus;
import io.rectify.notification.domain.RecipientLevel;
import io.rectify.notification.domain.Step;
import io.rectify.platform.outbox.Outbox;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records how the sends of a batch went: an attempt row each (DELIVERED, RETRY or FAILED), and on the
 * notification SENT with {@code ReminderSent} (reminder steps), the next attempt after the
 * {@link RetryPolicy}'s backoff, or FAILED with {@code NotificationFailed(DELIVERY_FAILED)}, as
 * {@link OutcomeRule} decides for a notification that may have moved on while the send was in flight.
 */
@ApplicationScoped
public class DeliveryOutcomes {

    private static final Logger LOG = Logger.getLogger(DeliveryOutcomes.class);
    public static final String DELIVERY_FAILED = "DELIVERY_FAILED";

    @Inject
    ChasingConfig config;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    AttemptRows attemptRows;

    private RetryPolicy retries;

    @PostConstruct
    void init() {
        retries = RetryPolicy.of(config.delivery());
    }

    /** What recording a batch writes besides the notifications: attempt rows and events, inserted together. */
    private static final class Recording {
        final List<DeliveryAttempt> attempts = new ArrayList<>();
        final List<Outbox.Entry> events = new ArrayList<>();
        /** The notifications whose row changes (not those only getting an attempt row). */
        final List<Notification> changed = new ArrayList<>();
    }

    /**
     * Records a batch's outcomes in one transaction (rows locked in id order; the notifications updated, attempt
     * rows and events inserted, with a statement each); if that fails, one transaction per outcome, so one bad row cannot
     * lose the others.
     */
    void recordAll(List<DeliveryJob> jobs, List<DeliveryOutcome> outcomes) {
        try {
            QuarkusTransaction.requiringNew().run(() -> recordLocked(jobs, outcomes));
        } catch (RuntimeException batchFailure) {
            LOG.warnf("recording %d delivery outcomes together failed (%s); recording them one by one", jobs.size(), batchFailure.getMessage());
            for (int i = 0; i < jobs.size(); i++) {
                DeliveryJob job = jobs.get(i);
                DeliveryOutcome outcome = outcomes.get(i);
                try {
                    QuarkusTransaction.requiringNew().run(() -> recordLocked(List.of(job), List.of(outcome)));
                } catch (RuntimeException e) {
                    LOG.warnf("recording attempt %d of notification %s failed, its lease will run out and it is retried: %s",
                            job.attempt(), job.notificationId(), e.getMessage());
                }
            }
        }
    }

    /**
     * In the caller's transaction: locks the jobs' notifications in id order, reading only the columns the
     * outcome depends on or changes (not the wide hazard snapshot), applies each outcome and writes what changed
     * with one set-based {@code UPDATE}, the attempt rows and the events with a statement each.
     */
    private void recordLocked(List<DeliveryJob> jobs, List<DeliveryOutcome> outcomes) {
        Session session = em.unwrap(Session.class);
        Map<UUID, Notification> locked = session.doReturningWork(c -> lock(c, jobs));
        Recording recording = new Recording();
        for (int i = 0; i < jobs.size(); i++) {
            Notification n = locked.get(jobs.get(i).notificationId());
            if (n == null) {
                throw new IllegalStateException("notification " + jobs.get(i).notificationId() + " does not exist");
            }
            if (record(jobs.get(i), outcomes.get(i), n, recording)) {
                recording.changed.add(n);
            }
        }
        if (!recording.changed.isEmpty()) {
            session.doWork(c -> update(c, recording.changed));
        }
        attemptRows.insert(recording.attempts);
        outbox.appendAll(Topics.NOTIFICATION_EVENTS, recording.events);
    }

    private static final String LOCK = "select id, status, attempts, step, sequence, level, channel, hazard_id, county_code, "
            + "enterprise_credit_code, grade, due_at, traceparent, recipient, failure_reason, failure_detail, next_attempt_at, "
            + "sent_at, superseded_by, superseded_at from notification where id = any(?) order by id for update";

    /** The notifications as detached objects with the columns above (a row's other fields stay unset). */
    private static Map<UUID, Notification> lock(Connection c, List<DeliveryJob> jobs) throws SQLException {
        Map<UUID, Notification> locked = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(LOCK)) {
            ps.setArray(1, c.createArrayOf("uuid", jobs.stream().map(DeliveryJob::notificationId).distinct().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Notification n = new Notification();
                    n.id = rs.getObject(1, UUID.class);
                    n.status = NotificationStatus.valueOf(rs.getString(2));
                    n.attempts = rs.getInt(3);
                    n.step = Step.valueOf(rs.getString(4));
                    n.sequence = rs.getInt(5);
                    n.level = RecipientLevel.valueOf(rs.getString(6));
                    n.channel = Channel.valueOf(rs.getString(7));
                    n.hazardId = rs.getObject(8, UUID.class);
                    n.countyCode = rs.getString(9);
                    n.enterpriseCreditCode = rs.getString(10);
                    n.grade = rs.getString(11);
                    n.dueAt = instant(rs, 12);
                    n.traceparent = rs.getString(13);
                    n.recipient = rs.getString(14);
                    n.failureReason = rs.getString(15);
                    n.failureDetail = rs.getString(16);
                    n.nextAttemptAt = instant(rs, 17);
                    n.sentAt = instant(rs, 18);
                    n.supersededBy = rs.getString(19);
                    n.supersededAt = instant(rs, 20);
                    locked.put(n.id, n);
                }
            }
        }
        return locked;
    }

    private static final String UPDATE = "update notification n set status = v.status, recipient = v.recipient, "
            + "failure_reason = v.failure_reason, failure_detail = v.failure_detail, next_attempt_at = v.next_attempt_at, "
            + "sent_at = v.sent_at, superseded_by = v.superseded_by, superseded_at = v.superseded_at "
            + "from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[], ?::text[], "
            + "?::timestamptz[]) as v(id, status, recipient, failure_reason, failure_detail, next_attempt_at, sent_at, superseded_by, "
            + "superseded_at) where n.id = v.id";

    /** Writes the outcome columns of every changed notification with one statement. */
    private static void update(Connection c, List<Notification> changed) throws SQLException {
        int size = changed.size();
        Object[] ids = new Object[size];
        String[][] text = new String[8][size];
        for (int i = 0; i < size; i++) {
            Notification n = changed.get(i);
            ids[i] = n.id;
            text[0][i] = n.status.name();
            text[1][i] = n.recipient;
            text[2][i] = n.failureReason;
            text[3][i] = n.failureDetail;
            text[4][i] = n.nextAttemptAt == null ? null : n.nextAttemptAt.toString();
            text[5][i] = n.sentAt == null ? null : n.sentAt.toString();
            text[6][i] = n.supersededBy;
            text[7][i] = n.supersededAt == null ? null : n.supersededAt.toString();
        }
        try (PreparedStatement ps = c.prepareStatement(UPDATE)) {
            ps.setArray(1, c.createArrayOf("uuid", ids));
            for (int k = 0; k < 8; k++) {
                ps.setArray(k + 2, c.createArrayOf("text", text[k]));
            }
            int updated = ps.executeUpdate();
            if (updated != size) {
                throw new IllegalStateException("recorded " + updated + " of " + size + " delivery outcomes");
            }
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    /** Applies one outcome to its (locked, detached) notification; {@code true} if the notification changed. */
    private boolean record(DeliveryJob job, DeliveryOutcome outcome, Notification n, Recording recording) {
        Instant now = Instant.now();
        boolean last = retries.isLast(job.attempt());
        DeliveryAttempt attempt = new DeliveryAttempt();
        attempt.notificationId = n.id;
        attempt.attempt = job.attempt();
        attempt.attemptedAt = now;
        attempt.httpStatus = outcome.httpStatus();
        attempt.detail = outcome.detail();
        boolean delivered = outcome instanceof DeliveryOutcome.Delivered;
        boolean retry = outcome instanceof DeliveryOutcome.Retryable && !last;
        attempt.outcome = (delivered ? DeliveryAttempt.Outcome.DELIVERED : retry ? DeliveryAttempt.Outcome.RETRY : DeliveryAttempt.Outcome.FAILED).name();
        recording.attempts.add(attempt);
        switch (OutcomeRule.effect(n.status, n.attempts, job.attempt(), delivered, retry)) {
            case SENT -> {
                if (n.status != NotificationStatus.PENDING || n.attempts != job.attempt()) {
                    LOG.infof("attempt %d of notification %s landed although it is now %s (attempt %d): it counts as sent (%s)",
                            job.attempt(), n.id, n.status, n.attempts, n.supersededBy);
                }
                n.supersededBy = null;
                n.supersededAt = null;
                delivered(n, job, now, recording);
                return true;
            }
            case RETRY_LATER -> {
                retryLater(n, job, outcome);
                return true;
            }
            case FAILED -> {
                failed(n, job, outcome, now, recording);
                return true;
            }
            // superseded by a later step or a sign-off meanwhile (this was the delivery in flight: it is never
            // retried), or our lease ran out and another round took over
            default -> {
                LOG.infof("attempt %d of notification %s recorded (%s) but the notification is now %s",
                        job.attempt(), n.id, attempt.outcome, n.status);
                return false;
            }
        }
    }

    private void delivered(Notification n, DeliveryJob job, Instant now, Recording recording) {
        n.status = NotificationStatus.SENT;
        n.sentAt = now;
        n.nextAttemptAt = null;
        n.recipient = job.target();
        if (!n.step.isEscalation()) {
            recording.events.add(new Outbox.Entry(new ReminderSent(n.id, n.hazardId, n.countyCode, n.enterpriseCreditCode,
                    n.grade, n.step.name(), n.sequence, n.level.name(), n.channel.name(), job.target(), n.dueAt, now), now, n.traceparent));
        }
        // DEBUG: one line per delivery drowns the log at thousands a second; the attempt row, the event and the
        // deliveries counter record it, and retries and failures stay INFO
        LOG.debugf("notification %s delivered: %s #%d of hazard %s to %s by %s (attempt %d)",
                n.id, n.step, n.sequence, n.hazardId, n.level, n.channel, job.attempt());
    }

    private void retryLater(Notification n, DeliveryJob job, DeliveryOutcome outcome) {
        Duration wait = retries.backoff(job.attempt());
        n.nextAttemptAt = Instant.now().plus(wait);
        LOG.infof("notification %s attempt %d failed (%s), next attempt in %s", n.id, job.attempt(), outcome.detail(), wait);
    }

    private void failed(Notification n, DeliveryJob job, DeliveryOutcome outcome, Instant now, Recording recording) {
        n.status = NotificationStatus.FAILED;
        n.failureReason = DELIVERY_FAILED;
        n.failureDetail = outcome.detail();
        n.nextAttemptAt = null;
        recording.events.add(new Outbox.Entry(new NotificationFailed(n.id, n.hazardId, n.countyCode, n.step.name(),
                n.level.name(), n.channel.name(), DELIVERY_FAILED, outcome.detail(), now), now, n.traceparent));
        LOG.infof("notification %s failed after %d attempts: %s", n.id, job.attempt(), outcome.detail());
    }
}
