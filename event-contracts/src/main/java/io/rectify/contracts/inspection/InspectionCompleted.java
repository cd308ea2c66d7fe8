package io.rectify.contracts.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record InspectionCompleted(
        UUID inspectionId,
        UUID campaignId,
        String enterpriseCreditCode,
        String countyCode,
        LocalDate scheduledOn,
        int findingCount,
        String summary,
        Instant completedAt,
        Instant occurredAt) implements InspectionEvent {

    @Override
    public String aggregateId() {
        return inspectionId.toString();
    }
}
