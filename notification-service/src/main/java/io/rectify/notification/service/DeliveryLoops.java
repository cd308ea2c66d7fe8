package io.rectify.notification.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.rectify.notification.config.ChasingConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
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

    /** Sends run here: webhooks and SMTP block, so a bounded pool keeps many of them in flight at once. */
    private ExecutorService senders;

    /** Claim-send-record loops run here side by side, so one's database work overlaps another's sends. */
    private ExecutorService loops;

    /** Delivery loops running now (at most {@code loops}). */
    private final AtomicInteger activeLoops = new AtomicInteger();

    @PostConstruct
    void init() {
        senders = Executors.newFixedThreadPool(config.delivery().concurrency(), daemons("notification-sender-"));
        loops = Executors.newFixedThreadPool(config.delivery().loops(), daemons("notification-dispatch-"));
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
     * Sends every job on the sender pool and records the outcomes as they come in: whatever has finished
     * when the recorder is free is recorded together (one transaction), so a busy batch is recorded in a
     * few transactions and a lone delivery is recorded as soon as it is sent.
     */
    private void sendAndRecord(List<DeliveryJob> jobs) {
        CompletionService<Sent> sending = new ExecutorCompletionService<>(senders);
        for (DeliveryJob job : jobs) {
            sending.submit(() -> new Sent(job, sends.sendSafely(job)));
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
            outcomes.recordAll(done.stream().map(Sent::job).toList(), done.stream().map(Sent::outcome).toList());
        }
    }
}
