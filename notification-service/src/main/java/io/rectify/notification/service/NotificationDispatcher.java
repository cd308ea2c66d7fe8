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
import io.opentelemetry.api.trace.SpanKind;
import io.rectify.platform.outbox.Outbox;
import io.rectify.platform.tracing.TraceScope;
import io.rectify.platform.tracing.Traces;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
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
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers recorded notifications, outside the sweep's transaction. Retries are a persisted attempt
 * counter with {@code next_attempt_at} rather than in-memory retries (SmallRye {@code @Retry}): a crash or
 * restart loses no retry, several instances never deliver the same attempt, and every attempt is a row.
 *
 * <p>A round claims due notifications ({@code FOR UPDATE SKIP LOCKED}), counts the attempt and leases the
 * row by pushing {@code next_attempt_at} past the longest a send can take, commits, sends, then records the
 * outcomes in further transactions. If the instance dies in between, the lease runs out and the attempt
 * is made again: a receiver may then see the same {@code X-Rectify-Delivery} id twice (at-least-once on
 * the wire, deduplicated by that id), while the notification itself exists once.
 *
 * <p>Throughput (bench P4): a round claims up to {@code batch-size} rows, sends them with up to
 * {@code concurrency} sends in flight, records outcomes as they complete (what has finished together is
 * recorded in one transaction, attempt rows and events with one statement each) and goes on while
 * batches come back full; up to {@code loops} rounds run side by side on a backlog.
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
    @Any
    Instance<DeliveryChannel> channelBeans;

    @Inject
    ReminderFacts facts;

    @Inject
    AttemptRows attemptRows;

    /** Each channel's sender, by the channel it serves. */
    private final Map<Channel, DeliveryChannel> channels = new java.util.EnumMap<>(Channel.class);

    @Inject
    Traces traces;

    @Inject
    DeliveryMetrics metrics;

    /** Sends run here: webhooks and SMTP block, so a bounded pool keeps many of them in flight at once. */
    private ExecutorService senders;

    /** Claim-send-record loops run here side by side, so one's database work overlaps another's sends. */
    private ExecutorService loops;

    @PostConstruct
    void init() {
        channelBeans.forEach(c -> channels.put(c.channel(), c));
        senders = Executors.newFixedThreadPool(config.delivery().concurrency(), daemons("notification-sender-"));
        loops = Executors.newFixedThreadPool(config.delivery().loops(), daemons("notification-dispatch-"));
    }

    @PreDestroy
    void close() {
        loops.shutdownNow();
        senders.shutdownNow();
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Delivery loops running now (at most {@code loops}). */
    private final AtomicInteger activeLoops = new AtomicInteger();

    @Scheduled(identity = "notification-delivery", every = "${rectify.chasing.delivery.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        startLoop();
    }

    /**
     * Starts one more delivery loop unless {@code loops} are running. Each tick starts one, and a loop that
     * claims a full batch starts another: a backlog is worked by several loops side by side, and a loop
     * held up by a slow receiver does not hold up the others.
     */
    private void startLoop() {
        int running = activeLoops.get();
        if (running >= config.delivery().loops() || !activeLoops.compareAndSet(running, running + 1)) {
            return;
        }
        try {
            loops.execute(() -> {
                try {
                    deliverDue();
                } catch (RuntimeException e) {
                    LOG.warnf("a delivery loop failed, the next tick carries on: %s", e.toString());
                } finally {
                    activeLoops.decrementAndGet();
                }
            });
        } catch (RuntimeException rejected) { // shutting down
            activeLoops.decrementAndGet();
        }
    }

    /**
     * Delivers batch after batch until nothing is due: claim a batch (one transaction), send it with up to
     * {@code concurrency} sends in flight (shared by all loops), record every outcome (one transaction per batch).
     *
     * @return the number of attempts made
     */
    public int deliverDue() {
        int total = 0;
        while (true) {
            List<DeliveryJob> jobs = QuarkusTransaction.requiringNew().call(this::claim);
            if (jobs.isEmpty()) {
                return total;
            }
            boolean more = jobs.size() == config.delivery().batchSize();
            if (more) {
                startLoop(); // a backlog: let another loop claim the next batch while this one sends
            }
            sendAndRecord(jobs);
            total += jobs.size();
            if (!more) {
                return total;
            }
        }
    }

    private List<DeliveryJob> claim() {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("select id from notification where status = 'PENDING' and next_attempt_at <= now() "
                        + "order by next_attempt_at, seq limit ?1 for update skip locked")
                .setParameter(1, config.delivery().batchSize())
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Notification> claimed = new HashMap<>();
        for (Notification n : em.createQuery("select n from Notification n where n.id in :ids", Notification.class)
                .setParameter("ids", ids).getResultList()) {
            claimed.put(n.id, n);
        }
        // every contact of the batch in one query: the look-ups below are then answered from memory
        em.createQuery("select c from Contact c where c.key.ref in :refs", Contact.class)
                .setParameter("refs", claimed.values().stream().map(n -> n.recipientRef).distinct().toList()).getResultList();
        Instant leaseUntil = Instant.now().plus(lease());
        Map<String, Optional<Contact>> contacts = new HashMap<>();
        java.util.function.Function<Notification, Optional<Contact>> contactOf =
                n -> contacts.computeIfAbsent(n.level + "/" + n.recipientRef, k -> Contact.find(n.level, n.recipientRef));
        Map<UUID, io.rectify.notification.message.Reminder> reminders = facts.of(List.copyOf(claimed.values()),
                n -> contactOf.apply(n).map(Contact::locale).orElse(java.util.Locale.forLanguageTag("zh-CN")));
        List<DeliveryJob> jobs = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            Notification n = claimed.get(id);
            n.attempts++;
            n.nextAttemptAt = leaseUntil;
            Contact contact = contactOf.apply(n).orElse(null);
            String target = contact == null ? null : contact.address(n.channel);
            String secret = contact == null ? null : contact.webhookSecret;
            jobs.add(new DeliveryJob(n.id, n.attempts, n.hazardId, n.countyCode, n.step, n.sequence, n.level, n.recipientRef,
                    n.channel, n.dueAt, n.hazardSnapshot, target, secret, reminders.get(n.id), n.traceparent));
        }
        return jobs;
    }

    /** A job and how its send went. */
    private record Sent(DeliveryJob job, DeliveryOutcome outcome) {
    }

    /**
     * Sends every job on the sender pool and records the outcomes as they come in: whatever has finished
     * when the recorder is free is recorded together (one transaction), so a busy batch is recorded in a
     * few transactions and a lone delivery is recorded as soon as it is sent.
     */
    private void sendAndRecord(List<DeliveryJob> jobs) {
        CompletionService<Sent> sending = new ExecutorCompletionService<>(senders);
        for (DeliveryJob job : jobs) {
            sending.submit(() -> new Sent(job, sendSafely(job)));
        }
        int pending = jobs.size();
        while (pending > 0) {
            List<Sent> done = new ArrayList<>();
            try {
                done.add(sending.take().get());
                for (Future<Sent> more; (more = sending.poll()) != null; ) {
                    done.add(more.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // the leases run out and the claimed notifications are retried
            } catch (ExecutionException e) {
                throw new IllegalStateException("a send task failed unexpectedly", e.getCause()); // sendSafely catches everything
            }
            pending -= done.size();
            done.forEach(sent -> metrics.attempted(sent.job(), sent.outcome(), config.delivery().maxAttempts()));
            recordAll(done.stream().map(Sent::job).toList(), done.stream().map(Sent::outcome).toList());
        }
    }

    /** A send that throws counts as worth another attempt. Runs in a span of the notification's trace. */
    private DeliveryOutcome sendSafely(DeliveryJob job) {
        try (TraceScope trace = traces.start("deliver " + job.channel(), SpanKind.CLIENT, job.traceparent(), Map.of(
                "hazardId", String.valueOf(job.hazardId()), "countyCode", String.valueOf(job.countyCode()),
                "notificationId", job.notificationId().toString(), "attempt", Integer.toString(job.attempt())))) {
            try {
                DeliveryOutcome outcome = send(job);
                trace.span().setAttribute("delivery.outcome", outcome.getClass().getSimpleName());
                return outcome;
            } catch (RuntimeException e) {
                trace.failed(e);
                return new DeliveryOutcome.Retryable(null, DeliveryOutcome.brief("send failed: " + e));
            }
        }
    }

    private DeliveryOutcome send(DeliveryJob job) {
        if (job.target() == null) {
            return new DeliveryOutcome.Refused(null, "the " + job.level() + " contact " + job.recipientRef() + " no longer has a " + job.channel() + " address");
        }
        DeliveryChannel channel = channels.get(job.channel());
        if (channel == null) {
            return new DeliveryOutcome.Refused(null, "no sender for channel " + job.channel());
        }
        return channel.send(job);
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
    private void recordAll(List<DeliveryJob> jobs, List<DeliveryOutcome> outcomes) {
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
        recording.attempts.add(attempt);
        if (n.status == NotificationStatus.SUPERSEDED && delivered && n.attempts == job.attempt()) {
            // withdrawn while this send was in flight, and it landed: the recipient has it, so it counts as sent
            LOG.infof("notification %s was in flight when superseded by %s and landed", n.id, n.supersededBy);
            n.supersededBy = null;
            n.supersededAt = null;
            delivered(n, job, now, recording);
            return;
        }
        if (n.status != NotificationStatus.PENDING || n.attempts != job.attempt()) {
            // superseded by a later step or a sign-off meanwhile (this was the delivery in flight: it is never
            // retried), or our lease ran out and another round took over
            LOG.infof("attempt %d of notification %s recorded (%s) but the notification is now %s", job.attempt(), n.id, attempt.outcome, n.status);
            return;
        }
        if (delivered) {
            delivered(n, job, now, recording);
        } else if (retry) {
            retryLater(n, job, outcome);
        } else {
            failed(n, job, outcome, now, recording);
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
        Duration wait = backoff(job.attempt());
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

    /** initial, 2×initial, 4×initial, … capped: attempt 1 failed → wait {@code initialBackoff}. */
    Duration backoff(int failedAttempt) {
        Duration wait = config.delivery().initialBackoff().multipliedBy(1L << Math.min(failedAttempt - 1, 30));
        return wait.compareTo(config.delivery().maxBackoff()) > 0 ? config.delivery().maxBackoff() : wait;
    }

    /**
     * Longer than a whole batch can take (every send of it timing out, {@code concurrency} at a time), so a
     * live sender never loses its claim.
     */
    private Duration lease() {
        long rounds = (config.delivery().batchSize() + config.delivery().concurrency() - 1) / config.delivery().concurrency();
        return config.delivery().webhookTimeout().multipliedBy(rounds + 2).plusSeconds(30);
    }
}
