package io.rectify.contracts.inspection;

import java.time.Instant;
import java.util.UUID;

public record InspectionStarted(
        UUID inspectionId,
        String enterpriseCreditCode,
        String countyCode,
        Instant occurredAt) implements InspectionEvent {

    @Override
    public String aggregateId() {
        return inspectionId.toString();
    }
}
