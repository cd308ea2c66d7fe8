package io.rectify.notification.domain;

/** The steps of the chasing policy (chasing.md), in the order they happen on the ladder. */
public enum Step {
    DUE_SOON,
    OVERDUE,
    OVERDUE_REPEAT,
    ESCALATE_CITY,
    ESCALATE_PROVINCE;

    /** Escalations raise the chase's level and emit {@code EscalationRaised}; the others are reminders. */
    public boolean isEscalation() {
        return this == ESCALATE_CITY || this == ESCALATE_PROVINCE;
    }
}
