package io.rectify.hazard.service;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.rectify.hazard.domain.Hazard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Writes the reports that arrive together in one transaction: a commit per report is what PostgreSQL
 * pays most for (pgbench's figure), so one writer takes every report waiting when it is free, writes them
 * all ({@link HazardService#write}) and commits once. Each caller waits for the commit that holds its
 * report: a {@code 201} is still sent only once its own rows are durable, and nothing is answered for a
 * batch that did not commit. When a batch fails, each of its reports is written again alone, so one bad
 * report fails only its own request.
 */
@ApplicationScoped
public class ReportBatch {

    private static final Logger LOG = Logger.getLogger(ReportBatch.class);
    /** Reports per transaction at most: enough for every connection of a busy client pool at once. */
    static final int MAX_BATCH = 128;

    record Pending(NewReport report, CompletableFuture<Void> written) {
    }

    @Inject
    HazardService hazards;

    @Inject
    EntityManager em;

    @Inject
    ManagedExecutor executor;

    @Inject
    MeterRegistry registry;

    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private CompletableFuture<Void> writer;
    private DistributionSummary batchSizes;

    void onStart(@Observes StartupEvent ignored) {
        batchSizes = DistributionSummary.builder("rectify.hazard.report.batch")
                .description("reports written per transaction").register(registry);
        running = true;
        writer = executor.runAsync(this::writeLoop);
    }

    /** Stops taking reports; those already waiting are written before the writer ends. */
    void onStop(@Observes ShutdownEvent ignored) {
        running = false;
        if (writer != null) {
            try {
                writer.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warnf("report writer did not end cleanly: %s", e.getMessage());
            }
        }
    }

    /** Writes the report with the others waiting and returns its hazard once that transaction committed. */
    public Hazard write(NewReport report) {
        if (!running) {
            // starting or stopping: no writer to hand it to, so its own transaction
            QuarkusTransaction.requiringNew().run(() -> hazards.write(List.of(report)));
            return report.hazard();
        }
        Pending pending = new Pending(report, new CompletableFuture<>());
        queue.add(pending);
        try {
            pending.written().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the report was written", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
        return report.hazard();
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                writeBatch(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } catch (RuntimeException | Error e) {
                // never leave a caller waiting, whatever failed
                batch.forEach(p -> p.written().completeExceptionally(e));
                LOG.errorf(e, "report writer round failed");
            } finally {
                batch.clear();
            }
        }
    }

    void writeBatch(List<Pending> batch) {
        batchSizes.record(batch.size());
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                // the hazards' inserts go to the database as one JDBC batch
                em.unwrap(Session.class).setJdbcBatchSize(MAX_BATCH);
                hazards.write(batch.stream().map(Pending::report).toList());
            });
            batch.forEach(p -> p.written().complete(null));
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).written().completeExceptionally(e);
                return;
            }
            LOG.debugf("a batch of %d reports failed (%s): writing each alone", batch.size(), e.getMessage());
            for (Pending p : batch) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> hazards.write(List.of(p.report())));
                    p.written().complete(null);
                } catch (RuntimeException alone) {
                    p.written().completeExceptionally(alone);
                }
            }
        }
    }
}
