package io.rectify.notification.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.rectify.notification.config.ChasingConfig;
import io.rectify.notification.domain.Chase;
import io.rectify.notification.domain.ChasePlanner;
import io.rectify.notification.domain.ChasePolicy;
import io.rectify.notification.domain.Contact;
import io.rectify.notification.domain.Plan;
import io.rectify.notification.domain.PlannedStep;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Wakes due chases and records what the planner says is due. Each batch is one transaction that claims
 * its chases with {@code FOR UPDATE SKIP LOCKED} (several instances share the work, none does it twice),
 * inserts the notifications under their unique key and moves the chases on; delivery happens afterwards,
 * outside this transaction ({@link DeliveryLoops}).
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
            Swept swept = QuarkusTransaction.requiringNew().call(() -> sweepBatch(now));
            total += swept.chases();
            if (swept.pending() > 0) {
                // committed: delivery starts now rather than at its next poll
                delivery.wake();
            }
            if (swept.chases() < config.sweepBatchSize()) {
                break;
            }
        }
        return total;
    }

    /** What one sweep batch did: chases handled, notifications recorded for delivery now. */
    private record Swept(int chases, int pending) {
    }

    private Swept sweepBatch(Instant now) {
        @SuppressWarnings("unchecked")
        List<Chase> due = em.createNativeQuery("select * from chase where status = 'ACTIVE' and next_step_at <= ?1 "
                        + "order by next_step_at limit ?2 for update skip locked", Chase.class)
                .setParameter(1, now)
                .setParameter(2, config.sweepBatchSize())
                .getResultList();
        loadContactsOf(due);
        List<Plan> plans = new ArrayList<>(due.size());
        List<NotificationRecorder.Due> steps = new ArrayList<>();
        for (Chase chase : due) {
            Plan plan = ChasePlanner.plan(policy, chase.state(), now);
            for (PlannedStep step : plan.stepsDueNow()) {
                steps.add(new NotificationRecorder.Due(chase, step));
            }
            plans.add(plan);
        }
        int pending = recorder.recordAll(steps);
        // the chases move on only after every insert: their updates are then flushed together at the
        // commit (JDBC batches) instead of one by one before each insert
        Instant updatedAt = Instant.now();
        for (int i = 0; i < due.size(); i++) {
            Chase chase = due.get(i);
            chase.setState(plans.get(i).after());
            chase.nextStepAt = plans.get(i).nextWakeUp();
            chase.updatedAt = updatedAt;
        }
        return new Swept(due.size(), pending);
    }

    /**
     * Loads every contact the batch may address in one query, so the recorder's look-ups are answered
     * from the persistence context instead of one SELECT per chase and level.
     */
    private void loadContactsOf(List<Chase> chases) {
        Set<String> refs = new HashSet<>();
        for (Chase c : chases) {
            Stream.of(c.enterpriseCreditCode, c.countyCode, c.city, c.province).filter(Objects::nonNull).forEach(refs::add);
        }
        if (!refs.isEmpty()) {
            em.createQuery("select c from Contact c where c.key.ref in :refs", Contact.class).setParameter("refs", refs).getResultList();
        }
    }
}
