package io.rectify.inspection.service;

import io.rectify.contracts.inspection.ConsentGranted;
import io.rectify.contracts.inspection.CountyRegistered;
import io.rectify.contracts.inspection.EnterpriseRegistered;
import io.rectify.contracts.inspection.FindingConfirmed;
import io.rectify.contracts.inspection.InspectionCancelled;
import io.rectify.contracts.inspection.InspectionCompleted;
import io.rectify.contracts.inspection.InspectionScheduled;
import io.rectify.contracts.inspection.InspectionStarted;
import io.rectify.inspection.domain.Consent;
import io.rectify.inspection.domain.County;
import io.rectify.inspection.domain.Enterprise;
import io.rectify.inspection.domain.Finding;
import io.rectify.inspection.domain.Inspection;

import java.time.Instant;
import java.util.List;

/** Maps the service's entities onto the wire records of {@code io.rectify.contracts.inspection}. */
final class InspectionEvents {

    private InspectionEvents() {
    }

    static CountyRegistered countyRegistered(County c, Instant at) {
        return new CountyRegistered(c.code, c.name, c.city, c.province, c.tier.name(), c.status.name(), at);
    }

    static EnterpriseRegistered enterpriseRegistered(Enterprise e, Instant at) {
        return new EnterpriseRegistered(e.creditCode, e.name, e.countyCode, e.parkName, e.fineChemical,
                e.majorHazardInstallationGrade, at);
    }

    /** @param expertSubjects the account subjects of the assigned experts that have one (how consumers know an expert's token) */
    static InspectionScheduled scheduled(Inspection i, List<String> expertSubjects, Instant at) {
        return new InspectionScheduled(i.id, i.campaignId, i.enterpriseCreditCode, i.countyCode, List.copyOf(i.expertIds),
                List.copyOf(expertSubjects),
                i.scheduledOn, i.mode.name(), List.copyOf(i.keyTasks), at);
    }

    static InspectionStarted started(Inspection i, Instant at) {
        return new InspectionStarted(i.id, i.enterpriseCreditCode, i.countyCode, at);
    }

    static InspectionCancelled cancelled(Inspection i, Instant at) {
        return new InspectionCancelled(i.id, i.enterpriseCreditCode, i.countyCode, i.cancelReason, at);
    }

    static ConsentGranted consentGranted(Inspection i, Consent c, Instant at) {
        return new ConsentGranted(i.id, i.enterpriseCreditCode, i.countyCode, c.scope.name(), c.grantedBy, c.grantedAt, c.confirmedBy,
                c.requestedBy, c.requestedAt, at);
    }

    static FindingConfirmed findingConfirmed(Inspection i, Finding f, Instant at) {
        List<io.rectify.contracts.inspection.Evidence> evidence = f.evidence.stream()
                .map(e -> new io.rectify.contracts.inspection.Evidence(e.kind.name(), e.uri, e.sha256, e.evidenceId, e.mediaType, e.size, e.verified))
                .toList();
        return new FindingConfirmed(f.id, i.id, i.campaignId, i.enterpriseCreditCode, i.countyCode, f.keyTask, f.grade.name(),
                f.majorCriterion, f.description, f.location, f.recommendedMeasure, f.rectificationDays, evidence,
                i.scheduledOn, i.completedAt, at, f.keyTaskVersion);
    }

    static InspectionCompleted completed(Inspection i, int findingCount, Instant at) {
        return new InspectionCompleted(i.id, i.campaignId, i.enterpriseCreditCode, i.countyCode, i.scheduledOn, findingCount,
                i.summary, i.completedAt, at);
    }
}
