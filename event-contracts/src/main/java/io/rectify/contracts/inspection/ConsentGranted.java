package io.rectify.contracts.inspection;

import java.time.Instant;
import java.util.UUID;

/** The enterprise consented to a kind of access ({@code CONTROL_SYSTEM_DATA} or {@code DOCUMENT_COPY}). */
public record ConsentGranted(
        UUID inspectionId,
        String enterpriseCreditCode,
        String countyCode,
        String scope,
        String grantedBy,
        Instant grantedAt,
        Instant occurredAt) implements InspectionEvent {

    @Override
    public String aggregateId() {
        return inspectionId.toString();
    }
}
