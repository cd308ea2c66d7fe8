package io.rectify.contracts.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An expert declared a conflict of interest with an enterprise for a period (impartial experts): they may
 * not be scheduled on it (inspection-service) nor verify its hazards (hazard-service). Key = the expert id.
 *
 * @param expertSubject the JWT subject of the expert's account, when they have one: how hazard-service knows
 *                      the verifying caller is this expert
 * @param to            the last day of the conflict, inclusive; absent: open-ended
 */
public record ConflictDeclared(
        UUID conflictId,
        UUID expertId,
        String expertSubject,
        String enterpriseCreditCode,
        String countyCode,
        String reason,
        LocalDate from,
        LocalDate to,
        String declaredBy,
        Instant occurredAt) implements InspectionEvent {

    @Override
    public String aggregateId() {
        return expertId.toString();
    }

    /** Whether the conflict covers {@code day}. */
    public boolean covers(LocalDate day) {
        return !day.isBefore(from) && (to == null || !day.isAfter(to));
    }
}
