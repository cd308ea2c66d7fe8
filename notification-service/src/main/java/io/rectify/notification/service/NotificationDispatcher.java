package io.rectify.notification.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.rectify.contracts.Topics;
import io.rectify.contracts.notification.NotificationFailed;
import io.rectify.contracts.notification.ReminderSent;
import io.rectify.notification.config.ChasingConfig;
import io.rectify.notification.domain.Channel;
import io.rectify.notification.domain.Contact;
import io.rectify.notification.domain.DeliveryAttempt;
import io.rectify.notification.domain.Notification;
import io.rectify.notification.domain.NotificationStatus;
import io.rectify.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Delivers recorded notifications, outside the sweep's transaction. Retries are a persisted attempt
 * counter with {@code next_attempt_at} rather than in-memory retries (SmallRye {@code @Retry}): a crash or
 * restart loses no retry, several instances never deliver the same attempt, and every attempt is a row.
 *
 * <p>A round claims due notifications ({@code FOR UPDATE SKIP LOCKED}), counts the attempt and leases the
 * row by pushing {@code next_attempt_at} past the longest a send can take, commits, sends, then records the
 * outcome in a second transaction. If the instance dies in between, the lease runs out and the attempt is
 * made again: a receiver may then see the same {@code X-Rectify-Delivery} id twice (at-least-once on the
 * wire, deduplicated by that id), while the notification itself exists once.
 */
@ApplicationScoped
public class NotificationDispatcher {

    private static final Logger LOG = Logger.getLogger(NotificationDispatcher.class);
    public static final String DELIVERY_FAILED = "DELIVERY_FAILED";

    @Inject
    ChasingConfig config;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    EmailChannel email;

    @Inject
    WebhookChannel webhook;

    @Scheduled(identity = "notification-delivery", every = "${rectify.chasing.delivery.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        deliverDue();
    }

    /** @return the number of attempts made */
    public int deliverDue() {
        List<DeliveryJob> jobs = QuarkusTransaction.requiringNew().call(this::claim);
        for (DeliveryJob job : jobs) {
            DeliveryOutcome outcome = send(job);
            QuarkusTransaction.requiringNew().run(() -> record(job, outcome));
        }
        return jobs.size();
    }

    private List<DeliveryJob> claim() {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("select id from notification where status = 'PENDING' and next_attempt_at <= now() "
                        + "order by next_attempt_at, seq limit ?1 for update skip locked")
                .setParameter(1, config.delivery().batchSize())
                .getResultList();
        Instant leaseUntil = Instant.now().plus(lease());
        List<DeliveryJob> jobs = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            Notification n = em.find(Notification.class, id);
            n.attempts++;
            n.nextAttemptAt = leaseUntil;
            Contact contact = Contact.find(n.level, n.recipientRef).orElse(null);
            String target = contact == null ? null : (n.channel == Channel.EMAIL ? contact.email : contact.webhookUrl);
            String secret = contact == null ? null : contact.webhookSecret;
            jobs.add(new DeliveryJob(n.id, n.attempts, n.hazardId, n.countyCode, n.step, n.sequence, n.level, n.recipientRef,
                    n.channel, n.dueAt, n.hazardSnapshot, blankToNull(target), secret));
        }
        return jobs;
    }

    private DeliveryOutcome send(DeliveryJob job) {
        if (job.target() == null) {
            return new DeliveryOutcome.Refused(null, "the " + job.level() + " contact " + job.recipientRef() + " no longer has a " + job.channel() + " address");
        }
        return job.channel() == Channel.EMAIL ? email.send(job) : webhook.send(job);
    }

    private void record(DeliveryJob job, DeliveryOutcome outcome) {
        Notification n = em.find(Notification.class, job.notificationId(), LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now();
        boolean last = job.attempt() >= config.delivery().maxAttempts();
        DeliveryAttempt attempt = new DeliveryAttempt();
        attempt.notificationId = n.id;
        attempt.attempt = job.attempt();
        attempt.attemptedAt = now;
        attempt.httpStatus = outcome.httpStatus();
        attempt.detail = outcome.detail();
        boolean delivered = outcome instanceof DeliveryOutcome.Delivered;
        boolean retry = outcome instanceof DeliveryOutcome.Retryable && !last;
        attempt.outcome = (delivered ? DeliveryAttempt.Outcome.DELIVERED : retry ? DeliveryAttempt.Outcome.RETRY : DeliveryAttempt.Outcome.FAILED).name();
        attempt.persist();
        if (n.status != NotificationStatus.PENDING || n.attempts != job.attempt()) {
            // cancelled by a sign-off meanwhile, or our lease ran out and another round took over
            LOG.infof("attempt %d of notification %s recorded (%s) but the notification is now %s", job.attempt(), n.id, attempt.outcome, n.status);
            return;
        }
        if (delivered) {
            delivered(n, job, now);
        } else if (retry) {
            retryLater(n, job, outcome);
        } else {
            failed(n, job, outcome, now);
        }
    }

    private void delivered(Notification n, DeliveryJob job, Instant now) {
        n.status = NotificationStatus.SENT;
        n.sentAt = now;
        n.nextAttemptAt = null;
        n.recipient = job.target();
        if (!n.step.isEscalation()) {
            outbox.append(Topics.NOTIFICATION_EVENTS, new ReminderSent(n.id, n.hazardId, n.countyCode, n.enterpriseCreditCode,
                    n.grade, n.step.name(), n.sequence, n.level.name(), n.channel.name(), job.target(), n.dueAt, now), now);
        }
        LOG.infof("notification %s delivered: %s #%d of hazard %s to %s by %s (attempt %d)",
                n.id, n.step, n.sequence, n.hazardId, n.level, n.channel, job.attempt());
    }

    private void retryLater(Notification n, DeliveryJob job, DeliveryOutcome outcome) {
        Duration wait = backoff(job.attempt());
        n.nextAttemptAt = Instant.now().plus(wait);
        LOG.infof("notification %s attempt %d failed (%s), next attempt in %s", n.id, job.attempt(), outcome.detail(), wait);
    }

    private void failed(Notification n, DeliveryJob job, DeliveryOutcome outcome, Instant now) {
        n.status = NotificationStatus.FAILED;
        n.failureReason = DELIVERY_FAILED;
        n.failureDetail = outcome.detail();
        n.nextAttemptAt = null;
        outbox.append(Topics.NOTIFICATION_EVENTS, new NotificationFailed(n.id, n.hazardId, n.countyCode, n.step.name(),
                n.level.name(), n.channel.name(), DELIVERY_FAILED, outcome.detail(), now), now);
        LOG.infof("notification %s failed after %d attempts: %s", n.id, job.attempt(), outcome.detail());
    }

    /** initial, 2×initial, 4×initial, … capped: attempt 1 failed → wait {@code initialBackoff}. */
    Duration backoff(int failedAttempt) {
        Duration wait = config.delivery().initialBackoff().multipliedBy(1L << Math.min(failedAttempt - 1, 30));
        return wait.compareTo(config.delivery().maxBackoff()) > 0 ? config.delivery().maxBackoff() : wait;
    }

    /** Longer than any send can take, so a live sender never loses its claim. */
    private Duration lease() {
        return config.delivery().webhookTimeout().multipliedBy(3).plusSeconds(30);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
