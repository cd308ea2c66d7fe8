package io.rectify.notification.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.rectify.notification.config.ChasingConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers recorded notifications, outside the sweep's transaction. Retries are a persisted attempt
 * counter with {@code next_attempt_at} rather than in-memory retries (SmallRye {@code @Retry}): a crash or
 * restart loses no retry, several instances never deliver the same attempt, and every attempt is a row.
 *
 * <p>A round claims due notifications ({@link DeliveryClaims}: counted and leased, committed), sends them
 * ({@link DeliverySends}), then records the outcomes in further transactions ({@link DeliveryOutcomes},
 * backoff by {@link RetryPolicy}). If the instance dies in between, the lease runs out and the attempt is
 * made again: a receiver may then see the same {@code X-Rectify-Delivery} id twice (at-least-once on the
 * wire, deduplicated by that id), while the notification itself exists once.
 *
 * <p>Throughput (bench P4): a round claims up to {@code batch-size} rows, sends them with up to
 * {@code concurrency} sends in flight, records outcomes as they complete (what has finished together is
 * recorded in one transaction, attempt rows and events with one statement each) and goes on while
 * batches come back full; up to {@code loops} rounds run side by side on a backlog.
 */
@ApplicationScoped
public class DeliveryLoops {

    private static final Logger LOG = Logger.getLogger(DeliveryLoops.class);

    /** Threads for the channels that block (SMTP, SMS): as many of their sends are in flight at once. */
    private static final int BLOCKING_SENDERS = 16;

    @Inject
    ChasingConfig config;

    @Inject
    DeliveryClaims claims;

    @Inject
    DeliverySends sends;

    @Inject
    DeliveryOutcomes outcomes;

    @Inject
    DeliveryMetrics metrics;

    /** Blocking sends (SMTP, SMS) run here; webhooks are sent without blocking a thread. */
    private ExecutorService senders;

    /** Sends in flight, all loops together: at most {@code concurrency}. */
    private Semaphore window;

    /** Claim-send-record loops run here side by side, so one's database work overlaps another's sends. */
    private ExecutorService loops;

    /** One permit per delivery loop that may run ({@code loops}): a loop runs while it holds one. */
    private Semaphore loopSlots;

    @PostConstruct
    void init() {
        senders = Executors.newFixedThreadPool(Math.min(BLOCKING_SENDERS, config.delivery().concurrency()), daemons("notification-sender-"));
        window = new Semaphore(config.delivery().concurrency());
        loops = Executors.newFixedThreadPool(config.delivery().loops(), daemons("notification-dispatch-"));
        loopSlots = new Semaphore(config.delivery().loops());
    }

    // Plain pools, not a ManagedExecutor: these daemon threads are interrupted here (loops first) and never hold up shutdown or share the worker pool.
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

    @Scheduled(identity = "notification-delivery", every = "${rectify.chasing.delivery.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        startLoop();
    }

    /** Notifications were just recorded for delivery: a loop starts now instead of at the next poll. */
    void wake() {
        startLoop();
    }

    /**
     * Starts one more delivery loop unless {@code loops} are running. Each tick starts one, and a loop that
     * claims a full batch starts another: a backlog is worked by several loops side by side, and a loop
     * held up by a slow receiver does not hold up the others.
     */
    private void startLoop() {
        if (loopSlots.tryAcquire()) {
            run(this::deliverDue);
        }
    }

    /**
     * Waits up to {@code wait} for a free loop and keeps it for a batch the sweep is about to record already
     * claimed ({@link ChaseSweep}); {@code false} if none came free. The caller hands the slot back through
     * {@link #deliverReserved} or {@link #releaseReserved}.
     */
    boolean reserve(Duration wait) {
        try {
            return loopSlots.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Gives back a reserved loop that got nothing to send (its sweep batch failed). */
    void releaseReserved() {
        loopSlots.release();
    }

    /**
     * Sends the jobs the sweep recorded already claimed on the loop it reserved, so they skip the claim
     * (bench P4: the claim's {@code UPDATE} rewrote every wide row once more, and read it back).
     */
    void deliverReserved(List<DeliveryJob> jobs) {
        if (jobs.isEmpty()) {
            loopSlots.release();
            return;
        }
        run(() -> sendAndRecord(jobs));
    }

    /** Runs a loop's work on the loop pool; the slot it holds is released when it ends. */
    private void run(Runnable work) {
        try {
            loops.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.warnf("a delivery loop failed, the next tick carries on: %s", e.toString());
                } finally {
                    loopSlots.release();
                }
            });
        } catch (RuntimeException rejected) { // shutting down; claimed jobs come due again when their lease runs out
            loopSlots.release();
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
            List<DeliveryJob> jobs = QuarkusTransaction.requiringNew().call(claims::claim);
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

    /** A job and how its send went. */
    private record Sent(DeliveryJob job, DeliveryOutcome outcome) {
    }

    /**
     * Sends every job, up to {@code concurrency} in flight (all loops together), and records the outcomes as
     * they come in: whatever has finished when the recorder is free is recorded together (one transaction),
     * so a busy batch is recorded in a few transactions and a lone delivery is recorded as soon as it is sent.
     */
    private void sendAndRecord(List<DeliveryJob> jobs) {
        BlockingQueue<Sent> completed = new LinkedBlockingQueue<>();
        int next = 0;
        int pending = jobs.size();
        try {
            while (pending > 0) {
                while (next < jobs.size() && window.tryAcquire()) {
                    DeliveryJob job = jobs.get(next++);
                    CompletableFuture<DeliveryOutcome> sent;
                    try {
                        sent = sends.sendAsync(job, senders);
                    } catch (RuntimeException e) { // e.g. the blocking pool shutting down
                        sent = CompletableFuture.completedFuture(new DeliveryOutcome.Retryable(null, DeliveryOutcome.brief("send failed: " + e)));
                    }
                    sent.whenComplete((outcome, e) -> {
                        window.release();
                        completed.add(new Sent(job, outcome != null ? outcome
                                : new DeliveryOutcome.Retryable(null, DeliveryOutcome.brief("send failed: " + e))));
                    });
                }
                // all of this batch sent: wait for an answer; else wait briefly and try the window again
                Sent first = next == jobs.size() ? completed.take() : completed.poll(5, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<Sent> done = new ArrayList<>();
                done.add(first);
                completed.drainTo(done);
                pending -= done.size();
                done.forEach(sent -> metrics.attempted(sent.job(), sent.outcome(), config.delivery().maxAttempts()));
                outcomes.recordAll(done.stream().map(Sent::job).toList(), done.stream().map(Sent::outcome).toList());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // the leases run out and the claimed notifications are retried
        }
    }
}
