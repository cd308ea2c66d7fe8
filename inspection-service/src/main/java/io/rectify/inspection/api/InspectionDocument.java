package io.rectify.inspection.api;

import io.rectify.inspection.domain.Inspection;
import io.rectify.inspection.domain.InspectionMode;
import io.rectify.inspection.domain.InspectionStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An inspection with its findings (withdrawn ones flagged) and consents; {@code allowedActions} follow the lifecycle. */
public record InspectionDocument(UUID id, UUID campaignId, String enterpriseCreditCode, String enterpriseName, String countyCode,
                                 List<UUID> expertIds, LocalDate scheduledOn, InspectionMode mode, List<String> keyTasks,
                                 InspectionStatus status, String summary, String scheduledBy, Instant scheduledAt,
                                 Instant startedAt, Instant completedAt, Instant cancelledAt, String cancelReason,
                                 List<FindingDocument> findings, List<ConsentDocument> consents, List<String> allowedActions,
                                 long version) {

    public static InspectionDocument of(Inspection i, String enterpriseName, List<FindingDocument> findings, List<ConsentDocument> consents) {
        return new InspectionDocument(i.id, i.campaignId, i.enterpriseCreditCode, enterpriseName, i.countyCode,
                List.copyOf(i.expertIds), i.scheduledOn, i.mode, List.copyOf(i.keyTasks), i.status, i.summary, i.scheduledBy,
                i.scheduledAt, i.startedAt, i.completedAt, i.cancelledAt, i.cancelReason, findings, consents,
                i.allowedActions(), i.version);
    }
}
