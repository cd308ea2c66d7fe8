package io.rectify.notification.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What the planner needs to know about one chase: the hazard's grade and due date in force, whether the
 * chase runs, and how far along the ladder it is for this due date.
 *
 * @param dueSoonSent          how many DUE_SOON steps are done (sent, or skipped because a later one superseded them)
 * @param overdueSent          whether OVERDUE went out for this due date
 * @param repeatsSent          OVERDUE_REPEATs sent for this due date (the sequence of the next one is this + 1)
 * @param lastOverdueNoticeAt  the instant the last OVERDUE or OVERDUE_REPEAT stood for: the repeat cadence counts from it
 * @param resumedAt            set when chasing resumed; the next plan sends a repeat at once if the hazard is overdue
 */
public record ChaseState(
        Grade grade,
        Instant dueAt,
        ChaseStatus status,
        EscalationLevel level,
        int dueSoonSent,
        boolean overdueSent,
        int repeatsSent,
        Instant lastOverdueNoticeAt,
        Instant resumedAt) {

    public ChaseState {
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(level, "level");
    }

    /** A fresh chase for a due date: nothing sent yet. */
    public static ChaseState fresh(Grade grade, Instant dueAt, ChaseStatus status) {
        return new ChaseState(grade, dueAt, status, EscalationLevel.NONE, 0, false, 0, null, null);
    }

    public ChaseState withStatus(ChaseStatus newStatus) {
        return new ChaseState(grade, dueAt, newStatus, level, dueSoonSent, overdueSent, repeatsSent, lastOverdueNoticeAt, resumedAt);
    }

    public ChaseState resumedAt(Instant when) {
        return new ChaseState(grade, dueAt, ChaseStatus.ACTIVE, level, dueSoonSent, overdueSent, repeatsSent, lastOverdueNoticeAt, when);
    }

    /** Re-plan from a new due date (DeadlineExtended): steps start over and the escalation level goes back to none. */
    public ChaseState replannedFor(Instant newDueAt) {
        return fresh(grade, newDueAt, status);
    }
}
