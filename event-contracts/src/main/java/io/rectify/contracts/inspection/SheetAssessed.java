package io.rectify.contracts.inspection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The expert team lead submitted the team's marks of a county on a scoring sheet (the second yardstick
 * beside the composite index). Key = the assessment id. scoring-service scores it against its stored
 * copy of {@code sheetVersion}; a later submission for the same county and period replaces it.
 */
public record SheetAssessed(
        UUID assessmentId,
        String countyCode,
        int period,
        String sheetVersion,
        UUID teamLeadId,
        List<SheetMark> marks,
        String submittedBy,
        Instant submittedAt,
        Instant occurredAt) implements InspectionEvent {

    @Override
    public String aggregateId() {
        return assessmentId.toString();
    }
}
