package io.rectify.scoring.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.rectify.platform.background.BackgroundLoop;
import io.rectify.platform.outbox.AfterCompletion;
import io.rectify.scoring.config.ScoringConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.rectify.platform.tracing.TraceScope;
import io.rectify.platform.tracing.Traces;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The recompute loop: drains the {@code pending_recompute} marks the consumers write with the facts,
 * a round at a time ({@link #round}). A commit that wrote marks wakes the loop at once; it
 * also looks every {@code rectify.scoring.recompute.poll-interval} for marks of other instances.
 * <p>
 * Why not recompute in the consumer: at hundreds of hazards a second for a handful of counties, the
 * consumer recomputed the same county for every event and fell minutes behind; now a round recomputes
 * each county once for all the events that arrived meanwhile.
 */
@ApplicationScoped
public class PendingRecomputes {

    private static final Logger LOG = Logger.getLogger(PendingRecomputes.class);

    @Inject
    CountyIndexService indexes;

    @Inject
    Sql sql;

    @Inject
    ScoringConfig config;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    MeterRegistry registry;

    @Inject
    Traces tracer;

    /** Runs the loop: started from the StartupEvent, there is no request, transaction or span to propagate. */
    @Inject
    ManagedExecutor executor;

    /** Marks taken per round: a few thousand county/periods keep one transaction short. */
    static final int MAX_MARKS = 2_000;
    /** A round continues one trace and links at most this many others. */
    private static final int MAX_TRACES = 32;

    /** The loop, on a thread of Quarkus' worker pool. */
    private BackgroundLoop loop;
    private Counter recomputed;
    /** How long a round's recomputation takes (one transaction for every marked county). */
    private io.micrometer.core.instrument.Timer roundTime;
    /** From the oldest mark of a round to its recomputation. */
    private io.micrometer.core.instrument.Timer delay;
    private Counter failures;

    void onStart(@Observes StartupEvent ignored) {
        recomputed = registry.counter("rectify.scoring.pending.recomputed");
        roundTime = registry.timer("rectify.scoring.recompute");
        delay = registry.timer("rectify.scoring.recompute.delay");
        failures = registry.counter("rectify.scoring.pending.failures");
        registry.gauge("rectify.scoring.pending.marks", this, PendingRecomputes::markCountForGauge);
        loop = BackgroundLoop.start("recompute loop", executor, config.recompute().pollInterval(), Duration.ZERO, this::loopRound);
    }

    /** Stops the loop (its last round included) before Quarkus shuts the worker pool down. */
    void onStop(@Observes ShutdownEvent ignored) {
        loop.stop();
    }

    private volatile boolean paused;

    /** Stops taking rounds (marks accumulate) until {@link #resume}; for maintenance and tests. */
    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
        loop.wake();
    }

    /** Wakes the loop when the current transaction commits (called by whoever wrote marks in it). */
    public void wakeAfterCommit() {
        AfterCompletion.once(transactions, PendingRecomputes.class, loop::wake);
    }

    private void loopRound() {
        try {
            if (!paused && !indexes.suspended()) { // a rebuild recomputes everything when it is done
                round();
            }
        } catch (RuntimeException e) {
            failures.increment();
            LOG.warnf("recompute round failed, the marks stay for the next round: %s", e.getMessage());
        }
    }

    /**
     * One round: every county marked when it starts (up to {@link #MAX_MARKS} marks), recomputed in one
     * transaction — one commit for the round instead of one per county, which under load was most of a
     * round's time. If that transaction fails, the counties are tried one per transaction, so a county
     * that cannot be recomputed keeps its marks without holding up the others.
     *
     * @return the number of county/period answers that changed
     */
    public int round() {
        List<SpanContext> traces = new ArrayList<>();
        List<CountyIndexService.Mark> marks = QuarkusTransaction.requiringNew().call(() -> {
            sql.list("select traceparent from pending_recompute where traceparent is not null order by marked_at limit ?",
                    rs -> Traces.parse(rs.getString(1)), MAX_TRACES).forEach(traces::add);
            return sql.list(
                "select county_code, period, marked_at from pending_recompute order by county_code, period limit ?",
                rs -> new CountyIndexService.Mark(rs.getString(1), rs.getInt(2), rs.getObject(3, OffsetDateTime.class)), MAX_MARKS);
        });
        if (marks.isEmpty()) {
            return 0;
        }
        // the round continues the trace of the oldest mark's consumer batch and links the others'
        SpanContext parent = traces.isEmpty() ? SpanContext.getInvalid() : traces.get(0);
        try (TraceScope trace = tracer.start("recompute county indexes", SpanKind.INTERNAL, parent,
                traces.isEmpty() ? List.of() : traces.subList(1, traces.size()), Map.of("marks", Integer.toString(marks.size())))) {
            return recompute(marks);
        }
    }

    private int recompute(List<CountyIndexService.Mark> marks) {
        if (marks.size() == MAX_MARKS) {
            loop.wake(); // more to do: go again right after this round
        }
        Map<String, List<CountyIndexService.Mark>> byCounty = marks.stream()
                .collect(Collectors.groupingBy(CountyIndexService.Mark::countyCode, TreeMap::new, Collectors.toList()));
        // how long the oldest fact of the round waited for its index: what a dashboard reader sees as staleness
        marks.stream().map(CountyIndexService.Mark::markedAt).min(java.util.Comparator.naturalOrder())
                .ifPresent(oldest -> delay.record(java.time.Duration.between(oldest.toInstant(), java.time.Instant.now())));
        try {
            long started = System.nanoTime();
            int changed = QuarkusTransaction.requiringNew().call(() -> indexes.recomputeMarked(marks));
            roundTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            recomputed.increment(byCounty.size());
            return changed;
        } catch (RuntimeException e) {
            LOG.infof("a round of %d counties failed (%s), recomputing them one per transaction", byCounty.size(), e.getMessage());
        }
        int changed = 0;
        for (Map.Entry<String, List<CountyIndexService.Mark>> county : byCounty.entrySet()) {
            try {
                changed += QuarkusTransaction.requiringNew().call(() -> indexes.recomputeMarked(county.getValue()));
                recomputed.increment();
            } catch (RuntimeException e) {
                failures.increment();
                LOG.warnf("recomputing county %s failed, its marks stay for the next round: %s", county.getKey(), e.getMessage());
            }
        }
        return changed;
    }

    private double markCountForGauge() {
        if (loop == null || !loop.running()) {
            return 0;
        }
        try {
            return QuarkusTransaction.requiringNew().call(() ->
                    sql.list("select count(*) from pending_recompute", rs -> rs.getLong(1)).get(0));
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
