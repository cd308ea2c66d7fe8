package io.rectify.scoring.dashboard;

import io.quarkus.scheduler.Scheduled;
import io.rectify.scoring.service.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Keeps the dashboard's overdue major hazards current from scoring's hazard facts: within a second of
 * an index change (a sign-off, a new hazard, the tick making one overdue all move an index), and every
 * {@code rectify.dashboard.overdue-refresh} regardless. One small query; several changes in the same
 * second cost one.
 */
@ApplicationScoped
public class OverdueMajorHazardRefresh {

    private static final Logger LOG = Logger.getLogger(OverdueMajorHazardRefresh.class);

    @Inject
    DashboardStream stream;

    @Inject
    DashboardConfig config;

    @Inject
    Sql sql;

    @Inject
    Clock clock;

    private volatile Instant lastRefresh = Instant.MIN;

    @Scheduled(identity = "dashboard-overdue", every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshWhenStale() {
        Instant now = clock.instant();
        boolean due = !lastRefresh.plus(config.overdueRefresh()).isAfter(now);
        if (!config.enabled() || !(stream.takeOverdueStale() || due)) {
            return;
        }
        try {
            stream.overdue(query(now));
            lastRefresh = now;
        } catch (RuntimeException e) {
            LOG.warnf("dashboard: overdue major hazards not refreshed (%s); the page keeps the last list", e.getMessage());
        }
    }

    /** Major hazards still open or being rectified past their due date in force, the most overdue first. */
    @Transactional
    OverdueMajorHazards query(Instant now) {
        record Row(OverdueMajorHazard hazard, long total) {
        }
        List<Row> rows = sql.list("""
                select id, county_code, status, due_at, count(*) over () as total
                  from hazard_fact
                 where grade = 'MAJOR' and status in ('OPEN', 'RECTIFYING') and due_at < ?
                 order by due_at, id
                 limit ?""",
                rs -> new Row(new OverdueMajorHazard(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        Sql.instant(rs, "due_at"), null, null), rs.getLong(5)),
                now, config.overdueShown());
        return new OverdueMajorHazards(rows.stream().map(Row::hazard).toList(), rows.isEmpty() ? 0 : rows.get(0).total(), now);
    }
}
