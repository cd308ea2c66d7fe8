package io.rectify.contracts.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An inspection was scheduled. {@code expertSubjects} (added later, optional) are the account subjects
 * (JWT {@code sub}) of the assigned experts that have an account: hazard-service learns from them which
 * enterprises' hazards an expert may see and verify. Key: the inspection id.
 */
public record InspectionScheduled(
        UUID inspectionId,
        UUID campaignId,
        String enterpriseCreditCode,
        String countyCode,
        List<UUID> expertIds,
        List<String> expertSubjects,
        LocalDate scheduledOn,
        String mode,
        List<String> keyTasks,
        Instant occurredAt) implements InspectionEvent {

    /**
     * As before {@code expertSubjects} was added: no expert's account is named (consumers then learn no
     * assignment from this event).
     */
    public InspectionScheduled(UUID inspectionId, UUID campaignId, String enterpriseCreditCode, String countyCode,
                               List<UUID> expertIds, LocalDate scheduledOn, String mode, List<String> keyTasks, Instant occurredAt) {
        this(inspectionId, campaignId, enterpriseCreditCode, countyCode, expertIds, null, scheduledOn, mode, keyTasks, occurredAt);
    }

    @Override
    public String aggregateId() {
        return inspectionId.toString();
    }
}
