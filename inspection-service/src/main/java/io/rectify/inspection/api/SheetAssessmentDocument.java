package io.rectify.inspection.api;

import io.rectify.contracts.inspection.SheetMark;
import io.rectify.inspection.domain.SheetAssessmentStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record SheetAssessmentDocument(UUID id, String countyCode, int period, String sheetVersion, UUID teamLeadId,
                                      SheetAssessmentStatus status, List<SheetMark> marks, String createdBy, Instant createdAt,
                                      Instant updatedAt, String submittedBy, Instant submittedAt, long version) {
}
