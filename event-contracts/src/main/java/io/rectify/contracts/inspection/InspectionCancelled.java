package io.rectify.contracts.inspection;

import java.time.Instant;
import java.util.UUID;

public record InspectionCancelled(
        UUID inspectionId,
        String enterpriseCreditCode,
        String countyCode,
        String reason,
        Instant occurredAt) implements InspectionEvent {

    @Override
    public String aggregateId() {
        return inspectionId.toString();
    }
}
