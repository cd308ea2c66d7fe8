package io.rectify.hazard.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.rectify.contracts.hazard.Actor;
import io.rectify.contracts.hazard.HazardOverdue;
import io.rectify.hazard.config.HazardConfig;
import io.rectify.hazard.domain.Hazard;
import io.rectify.hazard.domain.HazardHistory;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Announces each hazard that passed its due date while OPEN or RECTIFYING with one HazardOverdue per
 * due date. A hazard is claimed with {@code FOR UPDATE SKIP LOCKED} and marked
 * ({@code overdue_notified_due_at = due_at}) in the same transaction as its event, so two instances
 * never announce the same one, a restart never repeats one, and an extension (new due date) makes it
 * eligible again. The partial index {@code hazard_overdue_pending} holds only unannounced candidates,
 * so each page is an index range scan however many hazards exist.
 *
 * <p>A page that fails is announced again one hazard per transaction, and a hazard that fails alone
 * (a broken trail, say) is held back until the next round and counted in
 * {@code rectify.hazard.overdue.held_back}: one bad hazard must not stop the announcement of all the others,
 * which the page order (oldest due date first) would otherwise put behind it every round.
 */
@ApplicationScoped
public class OverdueSweep {

    private static final Logger LOG = Logger.getLogger(OverdueSweep.class);
    private static final String CLAIM = """
            select * from hazard
             where status in ('OPEN', 'RECTIFYING') and overdue_notified_due_at is distinct from due_at and due_at < ?1
               and id::text <> all(string_to_array(?3, ','))
             order by due_at
             limit ?2
             for update skip locked""";

    @Inject
    EntityManager em;

    @Inject
    HazardTrail trail;

    @Inject
    HazardConfig config;

    @Inject
    MeterRegistry registry;

    private Counter heldBack;

    @PostConstruct
    void init() {
        heldBack = Counter.builder("rectify.hazard.overdue.held_back")
                .description("overdue hazards whose announcement failed alone, held back until the next sweep").register(registry);
    }

    @Scheduled(identity = "overdue-sweep", every = "${rectify.hazard.overdue-sweep-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            sweep();
        } catch (RuntimeException e) {
            // e.g. the database is restarting: nothing was marked, so the next round announces these hazards
            LOG.warnf("overdue sweep failed, retrying next round: %s", e.getMessage());
        }
    }

    /** Runs pages until no overdue hazard is left unannounced; returns how many were announced. */
    public int sweep() {
        int pageSize = config.overdueSweepPageSize();
        Set<UUID> held = new HashSet<>();
        int total = 0;
        int claimed;
        do {
            try {
                claimed = QuarkusTransaction.requiringNew().timeout(60).call(() -> announce(claim(pageSize, held)));
                total += claimed;
            } catch (RuntimeException pageFailed) {
                LOG.warnf("an overdue page failed (%s): announcing its hazards one at a time", pageFailed.getMessage());
                int before = held.size();
                claimed = 0;
                while (claimed < pageSize && announceAlone(held)) {
                    claimed++;
                }
                total += claimed - (held.size() - before);
            }
        } while (claimed == pageSize);
        if (total > 0) {
            LOG.infof("overdue sweep announced %d hazards", total);
        }
        return total;
    }

    /** Claims and announces one hazard in its own transaction; false when none is left to claim. */
    private boolean announceAlone(Set<UUID> held) {
        UUID[] tried = new UUID[1];
        try {
            return QuarkusTransaction.requiringNew().timeout(60).call(() -> {
                List<Hazard> one = claim(1, held);
                one.forEach(h -> tried[0] = h.id);
                return announce(one) == 1;
            });
        } catch (RuntimeException e) {
            if (tried[0] == null) {
                throw e; // the claim itself failed: the database, not a hazard; the next round tries again
            }
            held.add(tried[0]);
            heldBack.increment();
            LOG.errorf("overdue hazard %s could not be announced, held back until the next round: %s", tried[0], e.getMessage());
            return true;
        }
    }

    @SuppressWarnings("unchecked")
    private List<Hazard> claim(int limit, Set<UUID> held) {
        return em.createNativeQuery(CLAIM, Hazard.class)
                .setParameter(1, Instant.now().truncatedTo(ChronoUnit.MICROS))
                .setParameter(2, limit)
                .setParameter(3, held.stream().map(UUID::toString).collect(Collectors.joining(",")))
                .getResultList();
    }

    private int announce(List<Hazard> page) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (Hazard h : page) {
            Instant dueAt = h.dueAt;
            h.overdueNotifiedDueAt = dueAt;
            trail.record(h, h.status, HazardHistory.OVERDUE, Actor.SYSTEM, now, Map.of("dueAt", dueAt.toString()),
                    s -> new HazardOverdue(s, Actor.SYSTEM, now, dueAt));
        }
        return page.size();
    }
}
