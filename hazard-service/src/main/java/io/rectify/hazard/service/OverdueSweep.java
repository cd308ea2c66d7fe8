package io.rectify.hazard.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.rectify.contracts.hazard.Actor;
import io.rectify.contracts.hazard.HazardOverdue;
import io.rectify.hazard.config.HazardConfig;
import io.rectify.hazard.domain.Hazard;
import io.rectify.hazard.domain.HazardHistory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Announces each hazard that passed its due date while OPEN or RECTIFYING with one HazardOverdue per
 * due date. A hazard is claimed with {@code FOR UPDATE SKIP LOCKED} and marked
 * ({@code overdue_notified_due_at = due_at}) in the same transaction as its event, so two instances
 * never announce the same one, a restart never repeats one, and an extension (new due date) makes it
 * eligible again. The partial index {@code hazard_overdue_pending} holds only unannounced candidates,
 * so each page is an index range scan however many hazards exist.
 */
@ApplicationScoped
public class OverdueSweep {

    private static final Logger LOG = Logger.getLogger(OverdueSweep.class);
    private static final String CLAIM = """
            select * from hazard
             where status in ('OPEN', 'RECTIFYING') and overdue_notified_due_at is distinct from due_at and due_at < ?1
             order by due_at
             limit ?2
             for update skip locked""";

    @Inject
    EntityManager em;

    @Inject
    HazardTrail trail;

    @Inject
    HazardConfig config;

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
        int total = 0;
        int claimed;
        do {
            claimed = QuarkusTransaction.requiringNew().timeout(60).call(this::announcePage);
            total += claimed;
        } while (claimed == config.overdueSweepPageSize());
        if (total > 0) {
            LOG.infof("overdue sweep announced %d hazards", total);
        }
        return total;
    }

    private int announcePage() {
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        @SuppressWarnings("unchecked")
        List<Hazard> page = em.createNativeQuery(CLAIM, Hazard.class)
                .setParameter(1, now)
                .setParameter(2, config.overdueSweepPageSize())
                .getResultList();
        for (Hazard h : page) {
            Instant dueAt = h.dueAt;
            h.overdueNotifiedDueAt = dueAt;
            trail.record(h, h.status, HazardHistory.OVERDUE, Actor.SYSTEM, now, Map.of("dueAt", dueAt.toString()),
                    s -> new HazardOverdue(s, Actor.SYSTEM, now, dueAt));
        }
        return page.size();
    }
}
