package io.rectify.inspection.domain;

/** Where an inspection is in its lifecycle: {@code SCHEDULED → IN_PROGRESS → COMPLETED}, or {@code SCHEDULED → CANCELLED}. */
public enum InspectionStatus {
    SCHEDULED, IN_PROGRESS, COMPLETED, CANCELLED
}
