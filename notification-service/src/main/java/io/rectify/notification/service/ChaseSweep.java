package io.rectify.notification.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.rectify.notification.config.ChasingConfig;
import io.rectify.notification.domain.Chase;
import io.rectify.notification.domain.ChasePlanner;
import io.rectify.notification.domain.ChasePolicy;
import io.rectify.notification.domain.ChaseState;
import io.rectify.notification.domain.Plan;
import io.rectify.notification.domain.PlannedStep;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;
import org.jboss.logging.Logger;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Wakes due chases and records what the planner says is due. Each batch is one transaction that claims
 * its chases with {@code FOR UPDATE SKIP LOCKED} (several instances share the work, none does it twice),
 * inserts the notifications under their unique key and moves the chases on; delivery happens afterwards,
 * outside this transaction ({@link DeliveryLoops}). A batch that got a free delivery loop records the notifications
 * it makes due already claimed and hands them to that loop after the commit, so they skip a claim; a crash in
 * between leaves them leased, and they are claimed again when the lease runs out, as any claim cut short.
 */
@ApplicationScoped
public class ChaseSweep {

    private static final Logger LOG = Logger.getLogger(ChaseSweep.class);
    /** A safety net: a plan always moves a chase past {@code now}, so rounds end long before this. */
    private static final int MAX_ROUNDS = 10_000;

    @Inject
    ChasingConfig config;

    @Inject
    EntityManager em;

    @Inject
    NotificationRecorder recorder;

    @Inject
    DeliveryLoops delivery;

    @Inject
    DeliveryClaims claims;

    private ChasePolicy policy;

    @PostConstruct
    void init() {
        policy = config.policy();
    }

    @Scheduled(identity = "chase-sweep", every = "${rectify.chasing.sweep-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sweep(Instant.now());
    }

    /**
     * Handles every active chase whose next step is due at {@code now}.
     *
     * @return the number of chases looked at
     */
    public int sweep(Instant now) {
        int total = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            // a free delivery loop, kept for this batch: its notifications go in claimed and are sent at once
            boolean reserved = delivery.reserve(RESERVE_WAIT);
            Swept swept;
            try {
                swept = QuarkusTransaction.requiringNew().call(() -> sweepBatch(now, reserved));
            } catch (RuntimeException e) {
                if (reserved) {
                    delivery.releaseReserved();
                }
                throw e;
            }
            total += swept.chases();
            if (reserved) {
                delivery.deliverReserved(swept.claimed()); // committed: nothing is sent before its row exists
            } else if (swept.pending() > 0) {
                // committed: delivery starts now rather than at its next poll
                delivery.wake();
            }
            if (swept.chases() < config.sweepBatchSize()) {
                break;
            }
        }
        return total;
    }

    /**
     * How long a sweep batch waits for a free delivery loop before recording its notifications unclaimed (the
     * loops' claims take them then): a sweep ahead of delivery is paced by it instead of piling up claims.
     */
    private static final Duration RESERVE_WAIT = Duration.ofSeconds(1);

    /** What one sweep batch did: chases handled, notifications recorded for delivery now, and those it claimed. */
    private record Swept(int chases, int pending, List<DeliveryJob> claimed) {
    }

    private Swept sweepBatch(Instant now, boolean claim) {
        @SuppressWarnings("unchecked")
        List<Chase> due = em.createNativeQuery("select * from chase where status = 'ACTIVE' and next_step_at <= ?1 "
                        + "order by next_step_at limit ?2 for update skip locked", Chase.class)
                .setParameter(1, now)
                .setParameter(2, config.sweepBatchSize())
                // read-only: the chases move on by one statement below, not by dirty checking at the flush
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultList();
        BatchContacts contacts = BatchContacts.forChases(em, due);
        List<Plan> plans = new ArrayList<>(due.size());
        List<NotificationRecorder.Due> steps = new ArrayList<>();
        for (Chase chase : due) {
            Plan plan = ChasePlanner.plan(policy, chase.state(), now);
            for (PlannedStep step : plan.stepsDueNow()) {
                steps.add(new NotificationRecorder.Due(chase, step));
            }
            plans.add(plan);
        }
        NotificationRecorder.Recorded recorded = recorder.recordAll(steps,
                claim ? Instant.now().plus(DeliveryClaims.lease(config.delivery())) : null, contacts);
        moveOn(due, plans);
        return new Swept(due.size(), recorded.pending(), claims.jobsOf(recorded.claimed(), contacts));
    }

    private static final String MOVE_ON = "update chase c set grade = v.grade, due_at = v.due_at, status = v.status, "
            + "escalation_level = v.escalation_level, due_soon_sent = v.due_soon_sent, overdue_sent = v.overdue_sent, "
            + "repeats_sent = v.repeats_sent, last_overdue_notice_at = v.last_overdue_notice_at, resumed_at = v.resumed_at, "
            + "next_step_at = v.next_step_at, updated_at = ? "
            + "from unnest(?::uuid[], ?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::int[], ?::boolean[], ?::int[], "
            + "?::timestamptz[], ?::timestamptz[], ?::timestamptz[]) as v(hazard_id, grade, due_at, status, escalation_level, "
            + "due_soon_sent, overdue_sent, repeats_sent, last_overdue_notice_at, resumed_at, next_step_at) "
            + "where c.hazard_id = v.hazard_id";

    /**
     * Moves every chase of the batch to its plan's state and next wake-up with one statement (bench P4: one
     * ORM update per chase cost about as much as the rest of the sweep's database work).
     */
    private void moveOn(List<Chase> due, List<Plan> plans) {
        if (due.isEmpty()) {
            return;
        }
        int n = due.size();
        Object[] ids = new Object[n];
        String[] grades = new String[n], dueAts = new String[n], statuses = new String[n], levels = new String[n];
        String[] lastNotices = new String[n], resumed = new String[n], wakeUps = new String[n];
        Integer[] dueSoon = new Integer[n], repeats = new Integer[n];
        Boolean[] overdue = new Boolean[n];
        for (int i = 0; i < n; i++) {
            ChaseState after = plans.get(i).after();
            ids[i] = due.get(i).hazardId;
            grades[i] = after.grade().name();
            dueAts[i] = after.dueAt().toString();
            statuses[i] = after.status().name();
            levels[i] = after.level().name();
            dueSoon[i] = after.dueSoonSent();
            overdue[i] = after.overdueSent();
            repeats[i] = after.repeatsSent();
            lastNotices[i] = text(after.lastOverdueNoticeAt());
            resumed[i] = text(after.resumedAt());
            wakeUps[i] = text(plans.get(i).nextWakeUp());
        }
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(MOVE_ON)) {
                ps.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
                ps.setArray(2, c.createArrayOf("uuid", ids));
                ps.setArray(3, c.createArrayOf("text", grades));
                ps.setArray(4, c.createArrayOf("text", dueAts));
                ps.setArray(5, c.createArrayOf("text", statuses));
                ps.setArray(6, c.createArrayOf("text", levels));
                ps.setArray(7, c.createArrayOf("int4", dueSoon));
                ps.setArray(8, c.createArrayOf("bool", overdue));
                ps.setArray(9, c.createArrayOf("int4", repeats));
                ps.setArray(10, c.createArrayOf("text", lastNotices));
                ps.setArray(11, c.createArrayOf("text", resumed));
                ps.setArray(12, c.createArrayOf("text", wakeUps));
                int moved = ps.executeUpdate();
                if (moved != n) {
                    throw new IllegalStateException("moved " + moved + " of " + n + " chases on");
                }
            }
        });
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
