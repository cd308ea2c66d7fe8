package io.rectify.hazard.domain;

/** Where a hazard stands in its lifecycle (domain.md "Hazard lifecycle"). */
public enum HazardStatus {
    OPEN,
    RECTIFYING,
    PENDING_VERIFICATION,
    VERIFIED,
    SIGNED_OFF;

    /** The due-date clock runs only while the enterprise owes work; it stops while waiting for verification. */
    public boolean clockRunning() {
        return this == OPEN || this == RECTIFYING;
    }
}
