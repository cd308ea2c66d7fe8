package io.rectify.scoring.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rectify.contracts.scoring.CountyIndexDocument;
import io.rectify.platform.tracing.Traces;
import io.rectify.scoring.config.ScoringConfig;
import io.rectify.scoring.domain.Periods;
import io.smallrye.context.api.ManagedExecutorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Recomputes counties and publishes an answer only when it changed: compared with the last stored
 * document (ignoring {@code computedAt}), a changed answer replaces the current row, is appended to the
 * history, goes to the outbox for {@code county.index} and, after the commit, to the SSE stream.
 * {@link CountyRecomputation} computes the answers from the facts, {@link CountyIndexStore} reads and
 * writes the stored ones; this class marks, locks and runs the rounds.
 * <p>
 * Consumers do not recompute: they mark counties ({@link #markPending}) and {@link PendingRecomputes}
 * recomputes each marked county once per round, so a burst of events costs one recomputation per county.
 * <p>
 * Concurrency: the recompute loops of several instances, the tick, a rubric change and a rebuild may
 * recompute the same county at once. Each recomputation first takes a transaction-scoped advisory lock on the county
 * and only then reads the rubric and the facts, so the last one to commit has seen every fact committed
 * before it: the stored answer never goes back to a stale one. Several counties are locked in code order.
 */
@ApplicationScoped
public class CountyIndexService {

    private static final Logger LOG = Logger.getLogger(CountyIndexService.class);

    @Inject
    Sql sql;

    @Inject
    FactStore facts;

    @Inject
    CountyDirectory counties;

    @Inject
    CountyRecomputation recomputation;

    @Inject
    CountyIndexStore store;

    @Inject
    PendingRecomputes pending;

    @Inject
    RebuildLease rebuild;

    @Inject
    ScoringConfig config;

    @Inject
    Clock clock;

    /**
     * Held shared by every recomputation and exclusively by a rebuild's wipe ({@link FactStore#wipe}), so a
     * recomputation either finishes on the complete facts before the wipe or starts after it and sees the
     * rebuild's {@link RebuildLease}, claimed before the wipe. A constant outside the int4 range of the county locks' {@code hashtext}.
     */
    static final long FACTS_LOCK = 0x53434F52_45464143L;

    /**
     * Whether a rebuild on any instance holds the {@link RebuildLease}: the recompute loop and the tick skip
     * their rounds meanwhile (the rebuild recomputes everything when it is done), rather than run rounds that
     * {@link #mayRecompute} would turn down one by one.
     */
    public boolean suspended() {
        return QuarkusTransaction.requiringNew().call(rebuild::held);
    }

    public int currentPeriod() {
        return Periods.of(clock.instant(), config.periodZone());
    }

    /**
     * Marks what a consumed event touched as due for recomputation, in the consumer's transaction: the
     * event's period and the current one (or every period of the county for a registration). The marks
     * commit with the facts and {@link PendingRecomputes} recomputes each marked county once, however
     * many events marked it meanwhile; the consumer itself does no recomputation.
     *
     * @return the number of county/period marks written or renewed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int markPending(Collection<Affected> affected) {
        if (affected.isEmpty()) {
            return 0;
        }
        // sorted: two consumers marking the same counties insert in the same order and cannot deadlock
        Set<List<Object>> marks = new TreeSet<>(MARK_ORDER);
        int current = currentPeriod();
        for (Affected a : affected) {
            marks.add(List.of(a.countyCode(), current));
            if (a.period() == null) {
                allPeriods(a.countyCode()).forEach(p -> marks.add(List.of(a.countyCode(), p)));
            } else {
                marks.add(List.of(a.countyCode(), a.period()));
            }
        }
        StringBuilder statement = new StringBuilder("insert into pending_recompute (county_code, period, traceparent) values ");
        List<Object> args = new ArrayList<>();
        String trace = Traces.current(); // the consumer's span: the recompute round continues it
        for (List<Object> mark : marks) {
            statement.append(args.isEmpty() ? "(?, ?, ?)" : ", (?, ?, ?)");
            args.addAll(mark);
            args.add(trace);
        }
        // an existing mark gets a new time: a round that read the old time then leaves it in place (see recomputeMarked)
        statement.append(" on conflict (county_code, period) do update set marked_at = clock_timestamp(), traceparent = excluded.traceparent");
        int written = sql.update(statement.toString(), args.toArray());
        pending.wakeAfterCommit();
        return written;
    }

    private static final Comparator<List<Object>> MARK_ORDER = Comparator
            .comparing((List<Object> m) -> (String) m.get(0)).thenComparing(m -> (Integer) m.get(1));

    /** A county/period to recompute, with the time of its last mark as read by the round. */
    public record Mark(String countyCode, int period, OffsetDateTime markedAt) {
    }

    /**
     * Recomputes the marked counties (each for its marked periods and the current one) and then removes
     * the marks it has answered, all in the caller's transaction: one commit for a whole round.
     * <p>
     * A mark is removed only if its time is still the one read: a consumer that marks the county again
     * meanwhile renews the time (or, if the delete got there first, waits for this commit and writes the
     * mark anew), so a fact this round may not have seen always leaves a mark for the next one. The marks
     * are locked only by that final delete, so consumers never wait for the recomputation itself.
     *
     * @return the number of county/period answers that changed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int recomputeMarked(Collection<Mark> marks) {
        if (marks.isEmpty() || !mayRecompute()) {
            return 0;
        }
        Map<String, Set<Integer>> byCounty = new TreeMap<>();
        int current = currentPeriod();
        marks.forEach(m -> byCounty.computeIfAbsent(m.countyCode(), k -> new TreeSet<>(Set.of(current))).add(m.period()));
        lock(byCounty.keySet());
        int changed = recomputeLocked(byCounty, clock.instant());
        List<Object[]> answered = marks.stream().map(m -> new Object[]{m.countyCode(), m.period(), m.markedAt()}).toList();
        sql.batch("delete from pending_recompute where county_code = ? and period = ? and marked_at <= ?", answered);
        return changed;
    }

    /** Recomputes every period of one county in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int recompute(String countyCode) {
        if (!mayRecompute()) {
            return 0;
        }
        lock(Set.of(countyCode));
        return recomputeLocked(Map.of(countyCode, allPeriods(countyCode)), clock.instant());
    }

    /**
     * Recomputes every county, each in its own short transaction (a rubric change, the tick, the end of
     * a rebuild). A county that fails is logged and left for the next tick.
     *
     * @return the number of county/period answers that changed
     */
    public int recomputeAll() {
        List<String> codes = QuarkusTransaction.requiringNew().call(counties::allCodes);
        Map<String, Long> hazards = QuarkusTransaction.requiringNew().call(facts::hazardCounts);
        List<List<String>> groups = groups(codes, hazards);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger changed = new AtomicInteger();
        Runnable worker = () -> {
            for (int g = next.getAndIncrement(); g < groups.size(); g = next.getAndIncrement()) {
                changed.addAndGet(recomputeGroup(groups.get(g)));
            }
        };
        // two groups at a time, this thread and one of the pool: each group is one connection reading and then
        // this thread computing, so one alone left a core idle (the end of a rebuild: 0.55-0.95 s for 100 counties,
        // PostgreSQL 0.6 of a core and the service 0.3). Groups hold disjoint counties, each locked in code order.
        CompletableFuture<Void> helper = groups.size() > 1 ? CompletableFuture.runAsync(worker, executor) : null;
        worker.run();
        if (helper != null) {
            helper.join();
        }
        return changed.get();
    }

    /** Recomputes a group in one transaction; if that fails, each of its counties in its own. @return answers changed */
    private int recomputeGroup(List<String> group) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> recompute(group));
        } catch (RuntimeException groupFailure) {
            // one county's failure spoils its group: each on its own, as they went before groups
            int changed = 0;
            for (String code : group) {
                try {
                    changed += QuarkusTransaction.requiringNew().call(() -> recompute(code));
                } catch (RuntimeException e) {
                    LOG.warnf("recomputing county %s failed, the next tick retries: %s", code, e.getMessage());
                }
            }
            return changed;
        }
    }

    /** The pool {@link #recomputeAll}'s second worker runs on, with no context of the caller's (it has its own transactions). */
    @Inject
    @ManagedExecutorConfig(propagated = {}, cleared = ThreadContext.ALL_REMAINING)
    ManagedExecutor executor;

    /**
     * Counties {@link #recomputeAll} recomputes in one transaction: their facts, sheets and stored answers
     * are read with a few statements for the whole group ({@link CountyRecomputation#changedAnswers}) and
     * their changed answers stored together, instead of a dozen statements and a commit per county (the
     * end of a rebuild recomputes every county). Small enough that a group's facts fit the heap easily.
     */
    static final int RECOMPUTE_ALL_GROUP = 20;

    /**
     * At most this many hazard facts in one group: a group's facts are all on the heap at once (rows and
     * objects), and counties of tens of thousands of hazards each, twenty together, filled a 256 MiB heap
     * and the collector took seconds (bench RESULTS run 25). A county larger than this is a group alone.
     */
    static final long RECOMPUTE_ALL_HAZARDS = 50_000;

    /** The counties in code order (the order they are locked in), cut into groups by both limits. */
    static List<List<String>> groups(List<String> codes, Map<String, Long> hazards) {
        List<List<String>> groups = new ArrayList<>();
        List<String> group = new ArrayList<>();
        long inGroup = 0;
        for (String code : codes) {
            long size = hazards.getOrDefault(code, 0L);
            if (!group.isEmpty() && (group.size() == RECOMPUTE_ALL_GROUP || inGroup + size > RECOMPUTE_ALL_HAZARDS)) {
                groups.add(group);
                group = new ArrayList<>();
                inGroup = 0;
            }
            group.add(code);
            inGroup += size;
        }
        if (!group.isEmpty()) {
            groups.add(group);
        }
        return groups;
    }

    /** Recomputes every period of some counties in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int recompute(Collection<String> countyCodes) {
        if (!mayRecompute()) {
            return 0;
        }
        lock(countyCodes);
        Map<String, Set<Integer>> byCounty = new TreeMap<>();
        for (String code : countyCodes) {
            byCounty.put(code, allPeriods(code));
        }
        return recomputeLocked(byCounty, clock.instant());
    }

    /** The answer for a county and period as it would be now, without storing anything (a period never computed). */
    @Transactional
    public CountyIndexDocument preview(CountyRef county, int period) {
        return recomputation.preview(county, period, clock.instant());
    }

    private Set<Integer> allPeriods(String countyCode) {
        Set<Integer> periods = new TreeSet<>(facts.periodsWithFacts(countyCode));
        periods.addAll(store.storedPeriods(countyCode));
        periods.add(currentPeriod());
        return periods;
    }

    /**
     * Takes the shared facts lock, then looks whether a rebuild on any instance holds the lease (in this
     * order, in two statements: see {@link #FACTS_LOCK} and {@link RebuildLease#held}).
     */
    private boolean mayRecompute() {
        sql.list("select 1 from (select pg_advisory_xact_lock_shared(?)) l", rs -> rs.getInt(1), FACTS_LOCK);
        return !rebuild.held();
    }

    /** Locks the counties with one statement, in code order: two transactions locking several never deadlock. */
    private void lock(Collection<String> countyCodes) {
        String[] keys = countyCodes.stream().sorted().map(c -> "county-index:" + c).toArray(String[]::new);
        sql.work(c -> Sql.list(c, """
                select count(pg_advisory_xact_lock(hashtext(k))) from (select k from unnest(?) k order by k) ordered""",
                rs -> rs.getLong(1), c.createArrayOf("text", keys)));
    }

    /** Computes every county/period asked for and stores, publishes and announces the answers that changed. */
    private int recomputeLocked(Map<String, Set<Integer>> periodsByCounty, Instant now) {
        int current = currentPeriod();
        List<CountyIndexStore.Answer> changed = recomputation.changedAnswers(periodsByCounty, now);
        if (!changed.isEmpty()) {
            store.store(changed, current);
        }
        return changed.size();
    }
}
