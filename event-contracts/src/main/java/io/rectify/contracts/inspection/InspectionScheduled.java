package io.rectify.contracts.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record InspectionScheduled(
        UUID inspectionId,
        UUID campaignId,
        String enterpriseCreditCode,
        String countyCode,
        List<UUID> expertIds,
        LocalDate scheduledOn,
        String mode,
        List<String> keyTasks,
        Instant occurredAt) implements InspectionEvent {

    @Override
    public String aggregateId() {
        return inspectionId.toString();
    }
}
