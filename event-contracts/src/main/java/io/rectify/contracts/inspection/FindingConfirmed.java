package io.rectify.contracts.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A finding confirmed by the completion of its inspection; hazard-service turns each into exactly one
 * hazard (idempotent on {@code findingId}). Key: the inspection id.
 */
public record FindingConfirmed(
        UUID findingId,
        UUID inspectionId,
        UUID campaignId,
        String enterpriseCreditCode,
        String countyCode,
        String keyTask,
        String grade,
        String majorCriterion,
        String description,
        String location,
        String recommendedMeasure,
        int rectificationDays,
        List<Evidence> evidence,
        LocalDate inspectedOn,
        Instant confirmedAt,
        Instant occurredAt) implements InspectionEvent {

    @Override
    public String aggregateId() {
        return inspectionId.toString();
    }
}
