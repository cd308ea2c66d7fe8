package io.rectify.contracts.inspection;

import java.time.Instant;
import java.util.UUID;

/**
 * The enterprise consented to a kind of access ({@code CONTROL_SYSTEM_DATA} or {@code DOCUMENT_COPY}):
 * published when a token of the enterprise grants it or confirms an expert's request. {@code grantedBy}
 * is the person at the enterprise; the optional {@code confirmedBy} the enterprise account (JWT subject)
 * that said yes; {@code requestedBy}/{@code requestedAt} the expert's request it answers, when there was one.
 */
public record ConsentGranted(
        UUID inspectionId,
        String enterpriseCreditCode,
        String countyCode,
        String scope,
        String grantedBy,
        Instant grantedAt,
        String confirmedBy,
        String requestedBy,
        Instant requestedAt,
        Instant occurredAt) implements InspectionEvent {

    /** As before the enterprise's confirmation was recorded: who confirmed and who requested unknown. */
    public ConsentGranted(UUID inspectionId, String enterpriseCreditCode, String countyCode, String scope, String grantedBy,
                          Instant grantedAt, Instant occurredAt) {
        this(inspectionId, enterpriseCreditCode, countyCode, scope, grantedBy, grantedAt, null, null, null, occurredAt);
    }

    @Override
    public String aggregateId() {
        return inspectionId.toString();
    }
}
