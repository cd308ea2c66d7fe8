package io.rectify.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The chasing policy as a pure function: given a chase and the time, which steps are due now and when
 * to look again. Free of Quarkus and the database, so every row of the policy is unit-tested.
 *
 * <p>Missed steps (downtime, a pause) are handled by looking at everything that fell due up to
 * {@code now} and sending each kind at most once: of several missed DUE_SOONs only the latest goes out
 * (none once the hazard is overdue), an OVERDUE that is being sent supersedes the repeats that fell due
 * with it, and missed repeats coalesce into one that stands for the latest missed instant, so the
 * cadence keeps its grid.
 */
public final class ChasePlanner {

    private ChasePlanner() {
    }

    public static Plan plan(ChasePolicy policy, ChaseState chase, Instant now) {
        if (chase.status() != ChaseStatus.ACTIVE) {
            return new Plan(List.of(), null, chase);
        }
        Progress p = new Progress(chase);
        List<PlannedStep> due = new ArrayList<>();
        List<Instant> dueSoon = policy.dueSoonTimes(chase.dueAt());
        if (now.isBefore(chase.dueAt())) {
            planDueSoon(dueSoon, p, now, due);
        } else {
            // once overdue, an unsent "due soon" would only confuse
            p.dueSoonSent = dueSoon.size();
            boolean overdueNow = planOverdue(policy, chase, p, now, due);
            planEscalations(policy, chase, p, now, due);
            if (!overdueNow) {
                planRepeat(policy, p, now, due);
            }
        }
        ChaseState after = new ChaseState(chase.grade(), chase.dueAt(), chase.status(), p.level, p.dueSoonSent,
                p.overdueSent, p.repeatsSent, p.lastOverdueNoticeAt, null);
        return new Plan(List.copyOf(due), nextWakeUp(policy, after, dueSoon), after);
    }

    private static void planDueSoon(List<Instant> dueSoon, Progress p, Instant now, List<PlannedStep> due) {
        int latest = -1;
        for (int i = p.dueSoonSent; i < dueSoon.size(); i++) {
            if (!dueSoon.get(i).isAfter(now)) {
                latest = i;
            }
        }
        if (latest >= 0) {
            due.add(new PlannedStep(Step.DUE_SOON, latest + 1, dueSoon.get(latest), List.of(RecipientLevel.ENTERPRISE)));
            p.dueSoonSent = latest + 1;
        }
    }

    /** @return whether OVERDUE goes out in this plan */
    private static boolean planOverdue(ChasePolicy policy, ChaseState chase, Progress p, Instant now, List<PlannedStep> due) {
        if (p.overdueSent) {
            return false;
        }
        due.add(new PlannedStep(Step.OVERDUE, 1, chase.dueAt(), List.of(RecipientLevel.ENTERPRISE, RecipientLevel.COUNTY)));
        p.overdueSent = true;
        // repeats that fell due with a late OVERDUE are covered by it; the cadence keeps the due date's grid
        p.lastOverdueNoticeAt = latestOnGrid(chase.dueAt(), policy.repeatEvery(), now);
        return true;
    }

    private static void planEscalations(ChasePolicy policy, ChaseState chase, Progress p, Instant now, List<PlannedStep> due) {
        for (EscalationLevel target : List.of(EscalationLevel.CITY, EscalationLevel.PROVINCE)) {
            Instant at = policy.escalationTime(chase.grade(), target, chase.dueAt());
            if (p.level.below(target) && !at.isAfter(now)) {
                Step step = target == EscalationLevel.CITY ? Step.ESCALATE_CITY : Step.ESCALATE_PROVINCE;
                due.add(new PlannedStep(step, 1, at, List.of(target.highestRecipient())));
                p.level = target;
            }
        }
    }

    private static void planRepeat(ChasePolicy policy, Progress p, Instant now, List<PlannedStep> due) {
        Instant at;
        if (p.resumedAt != null) {
            // resumed while overdue: the next repeat goes out at once and the cadence restarts from here
            at = now;
        } else {
            Instant next = p.lastOverdueNoticeAt.plus(policy.repeatEvery());
            if (next.isAfter(now)) {
                return;
            }
            at = latestOnGrid(p.lastOverdueNoticeAt, policy.repeatEvery(), now);
        }
        p.repeatsSent++;
        p.lastOverdueNoticeAt = at;
        due.add(new PlannedStep(Step.OVERDUE_REPEAT, p.repeatsSent, at,
                List.of(RecipientLevel.ENTERPRISE, p.level.highestRecipient())));
    }

    /** The latest instant {@code origin + k * every} (k >= 0) that is not after {@code now}. */
    static Instant latestOnGrid(Instant origin, Duration every, Instant now) {
        if (now.isBefore(origin)) {
            return origin;
        }
        long periods = Duration.between(origin, now).toNanos() / every.toNanos();
        return origin.plus(every.multipliedBy(periods));
    }

    private static Instant nextWakeUp(ChasePolicy policy, ChaseState s, List<Instant> dueSoon) {
        Instant next = null;
        if (!s.overdueSent()) {
            for (int i = s.dueSoonSent(); i < dueSoon.size(); i++) {
                next = earliest(next, dueSoon.get(i));
            }
            return earliest(next, s.dueAt());
        }
        for (EscalationLevel target : List.of(EscalationLevel.CITY, EscalationLevel.PROVINCE)) {
            if (s.level().below(target)) {
                next = earliest(next, policy.escalationTime(s.grade(), target, s.dueAt()));
            }
        }
        return earliest(next, s.lastOverdueNoticeAt().plus(policy.repeatEvery()));
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    /** The mutable working copy of a chase's progress while one plan is made. */
    private static final class Progress {
        int dueSoonSent;
        boolean overdueSent;
        int repeatsSent;
        Instant lastOverdueNoticeAt;
        EscalationLevel level;
        final Instant resumedAt;

        Progress(ChaseState s) {
            dueSoonSent = s.dueSoonSent();
            overdueSent = s.overdueSent();
            repeatsSent = s.repeatsSent();
            lastOverdueNoticeAt = s.lastOverdueNoticeAt();
            level = s.level();
            resumedAt = s.resumedAt();
        }
    }
}
