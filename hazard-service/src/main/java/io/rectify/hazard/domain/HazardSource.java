package io.rectify.hazard.domain;

/** Where a hazard came from. */
public enum HazardSource {
    /** Created from a confirmed inspection finding (idempotent on the finding id). */
    EXPERT_INSPECTION,
    /** Reported by the enterprise itself. */
    SELF_CHECK,
    /** Reported by a regulator. */
    REGULATOR
}
