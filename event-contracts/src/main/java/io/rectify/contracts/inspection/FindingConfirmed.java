package io.rectify.contracts.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A finding confirmed by the completion of its inspection; hazard-service turns each into exactly one
 * hazard (idempotent on {@code findingId}). Key: the inspection id.
 *
 * @param keyTaskVersion the version of the key task the finding was recorded under (key tasks are
 *                       versioned reference data); absent in events from before key tasks had versions
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
        Instant occurredAt,
        Integer keyTaskVersion) implements InspectionEvent {

    @com.fasterxml.jackson.annotation.JsonCreator
    public FindingConfirmed {
    }

    /** Without the key task's version (events from before key tasks had versions). */
    public FindingConfirmed(UUID findingId, UUID inspectionId, UUID campaignId, String enterpriseCreditCode, String countyCode,
                            String keyTask, String grade, String majorCriterion, String description, String location,
                            String recommendedMeasure, int rectificationDays, List<Evidence> evidence, LocalDate inspectedOn,
                            Instant confirmedAt, Instant occurredAt) {
        this(findingId, inspectionId, campaignId, enterpriseCreditCode, countyCode, keyTask, grade, majorCriterion, description,
                location, recommendedMeasure, rectificationDays, evidence, inspectedOn, confirmedAt, occurredAt, null);
    }

    @Override
    public String aggregateId() {
        return inspectionId.toString();
    }
}
