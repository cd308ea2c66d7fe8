package io.rectify.notification.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rectify.contracts.Topics;
import io.rectify.contracts.notification.NotificationFailed;
import io.rectify.contracts.notification.ReminderSent;
import io.rectify.notification.config.ChasingConfig;
import io.rectify.notification.domain.DeliveryAttempt;
import io.rectify.notification.domain.Notification;
import io.rectify.notification.domain.NotificationStatus;
import io.rectify.platform.outbox.Outbox;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
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
    }

    /**
     * Records a batch's outcomes in one transaction (rows locked in id order; attempt rows and events
     * inserted with a statement each); if that fails, one transaction per outcome, so one bad row cannot
     * lose the others.
     */
    void recordAll(List<DeliveryJob> jobs, List<DeliveryOutcome> outcomes) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Map<UUID, Notification> locked = new HashMap<>();
                for (Notification n : em.createQuery("select n from Notification n where n.id in :ids order by n.id", Notification.class)
                        .setParameter("ids", jobs.stream().map(DeliveryJob::notificationId).toList())
                        .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList()) {
                    locked.put(n.id, n);
                }
                Recording recording = new Recording();
                for (int i = 0; i < jobs.size(); i++) {
                    record(jobs.get(i), outcomes.get(i), locked.get(jobs.get(i).notificationId()), recording);
                }
                write(recording);
            });
        } catch (RuntimeException batchFailure) {
            LOG.warnf("recording %d delivery outcomes together failed (%s); recording them one by one", jobs.size(), batchFailure.getMessage());
            for (int i = 0; i < jobs.size(); i++) {
                DeliveryJob job = jobs.get(i);
                DeliveryOutcome outcome = outcomes.get(i);
                try {
                    QuarkusTransaction.requiringNew().run(() -> {
                        Recording recording = new Recording();
                        record(job, outcome, em.find(Notification.class, job.notificationId(), LockModeType.PESSIMISTIC_WRITE), recording);
                        write(recording);
                    });
                } catch (RuntimeException e) {
                    LOG.warnf("recording attempt %d of notification %s failed, its lease will run out and it is retried: %s",
                            job.attempt(), job.notificationId(), e.getMessage());
                }
            }
        }
    }

    private void write(Recording recording) {
        attemptRows.insert(recording.attempts);
        outbox.appendAll(Topics.NOTIFICATION_EVENTS, recording.events);
    }

    private void record(DeliveryJob job, DeliveryOutcome outcome, Notification n, Recording recording) {
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
            }
            case RETRY_LATER -> retryLater(n, job, outcome);
            case FAILED -> failed(n, job, outcome, now, recording);
            // superseded by a later step or a sign-off meanwhile (this was the delivery in flight: it is never
            // retried), or our lease ran out and another round took over
            case ATTEMPT_ONLY -> LOG.infof("attempt %d of notification %s recorded (%s) but the notification is now %s",
                    job.attempt(), n.id, attempt.outcome, n.status);
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
        LOG.infof("notification %s delivered: %s #%d of hazard %s to %s by %s (attempt %d)",
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
