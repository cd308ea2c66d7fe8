package io.rectify.inspection.api;

import io.rectify.inspection.domain.Finding;
import io.rectify.inspection.domain.Grade;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A finding as served; {@code withdrawnAt} is set for a withdrawn one (kept for the audit trail, never confirmed). */
public record FindingDocument(UUID id, UUID inspectionId, String keyTask, int keyTaskVersion, Grade grade, String majorCriterion, String description,
                              String location, String recommendedMeasure, int rectificationDays, List<EvidenceBody> evidence,
                              String recordedBy, Instant recordedAt, Instant updatedAt, Instant withdrawnAt, String withdrawnBy) {

    public static FindingDocument of(Finding f) {
        return new FindingDocument(f.id, f.inspectionId, f.keyTask, f.keyTaskVersion, f.grade, f.majorCriterion, f.description, f.location,
                f.recommendedMeasure, f.rectificationDays, f.evidence.stream().map(EvidenceBody::of).toList(),
                f.recordedBy, f.recordedAt, f.updatedAt, f.withdrawnAt, f.withdrawnBy);
    }
}
