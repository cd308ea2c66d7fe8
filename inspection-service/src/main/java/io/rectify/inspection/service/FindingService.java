package io.rectify.inspection.service;

import io.rectify.inspection.api.FindingDocument;
import io.rectify.inspection.config.InspectionConfig;
import io.rectify.inspection.domain.Consent;
import io.rectify.inspection.domain.Finding;
import io.rectify.inspection.domain.FindingDraft;
import io.rectify.inspection.domain.FindingRules;
import io.rectify.inspection.domain.Inspection;
import io.rectify.inspection.domain.InspectionAction;
import io.rectify.inspection.domain.KeyTask;
import io.rectify.inspection.domain.MajorHazardCriterion;
import io.rectify.platform.problem.Problem;
import io.rectify.platform.problem.ProblemException;
import io.rectify.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.rectify.inspection.audit.InspectionTrail;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Findings of an inspection in progress: recorded, edited, withdrawn. Each change is checked by the
 * finding rules (grade, key task, period) and the consent rule, and touches the inspection so its
 * version moves. No event yet: findings are confirmed (and published) when the inspection completes.
 */
@ApplicationScoped
public class FindingService {

    private static final Logger LOG = Logger.getLogger(FindingService.class);

    @Inject
    Caller caller;

    @Inject
    Access access;

    @Inject
    InspectionService inspections;

    @Inject
    InspectionConfig config;

    @Inject
    InspectionTrail trail;

    @Inject
    FindingEvidence evidence;

    /** The result of a change: the finding and the inspection's new version (its ETag). */
    public record Change(FindingDocument finding, long inspectionVersion) {
    }

    @Transactional
    public Change record(UUID inspectionId, String ifMatch, FindingDraft draft) {
        Inspection inspection = inspections.forChange(inspectionId, ifMatch);
        access.requireRunner(inspection);
        Instant now = Instant.now();
        DomainRefusals.apply(inspection, InspectionAction.RECORD_FINDING, now);
        draft = check(inspection, draft);
        Finding finding = new Finding();
        finding.id = UUID.randomUUID();
        finding.inspectionId = inspectionId;
        finding.recordedBy = caller.subject();
        finding.recordedAt = now;
        finding.apply(draft, now);
        finding.persist();
        evidence.reference(finding, access.jurisdictionOf(inspection.countyCode, inspection.enterpriseCreditCode));
        Inspection.flush();
        trail.record(inspectionId, "RECORD_FINDING", finding.id, now, FindingDocument.of(finding));
        LOG.infof("finding %s (%s) recorded on inspection %s by %s", finding.id, finding.grade, inspectionId, caller.subject());
        return new Change(FindingDocument.of(finding), inspection.version);
    }

    @Transactional
    public Change edit(UUID inspectionId, UUID findingId, String ifMatch, FindingDraft draft) {
        Inspection inspection = inspections.forChange(inspectionId, ifMatch);
        access.requireRunner(inspection);
        Finding finding = activeFinding(inspectionId, findingId);
        Instant now = Instant.now();
        DomainRefusals.apply(inspection, InspectionAction.EDIT_FINDING, now);
        draft = check(inspection, draft);
        finding.apply(draft, now);
        evidence.reference(finding, access.jurisdictionOf(inspection.countyCode, inspection.enterpriseCreditCode));
        Inspection.flush();
        trail.record(inspectionId, "EDIT_FINDING", findingId, now, FindingDocument.of(finding));
        LOG.infof("finding %s on inspection %s edited by %s", findingId, inspectionId, caller.subject());
        return new Change(FindingDocument.of(finding), inspection.version);
    }

    /** Withdraws a finding: it stays on record (audit) but will not be confirmed. */
    @Transactional
    public long withdraw(UUID inspectionId, UUID findingId, String ifMatch) {
        Inspection inspection = inspections.forChange(inspectionId, ifMatch);
        access.requireRunner(inspection);
        Finding finding = activeFinding(inspectionId, findingId);
        Instant now = Instant.now();
        DomainRefusals.apply(inspection, InspectionAction.WITHDRAW_FINDING, now);
        finding.withdrawnAt = now;
        finding.withdrawnBy = caller.subject();
        Inspection.flush();
        trail.record(inspectionId, "WITHDRAW_FINDING", findingId, now, FindingDocument.of(finding));
        LOG.infof("finding %s on inspection %s withdrawn by %s", findingId, inspectionId, caller.subject());
        return inspection.version;
    }

    @Transactional
    public FindingDocument get(UUID inspectionId, UUID findingId) {
        access.visibleInspection(inspectionId, LockModeType.NONE);
        Finding finding = Finding.findById(findingId);
        if (finding == null || !finding.inspectionId.equals(inspectionId)) {
            throw ProblemException.notFound("finding", findingId);
        }
        return FindingDocument.of(finding);
    }

    private Finding activeFinding(UUID inspectionId, UUID findingId) {
        Finding finding = Finding.findById(findingId);
        if (finding == null || !finding.inspectionId.equals(inspectionId)) {
            throw ProblemException.notFound("finding", findingId);
        }
        if (finding.withdrawn()) {
            throw ProblemException.conflict("finding " + findingId + " was withdrawn at " + finding.withdrawnAt + " and cannot be changed");
        }
        return finding;
    }

    /** The draft with its evidence resolved, once every rule holds. */
    private FindingDraft check(Inspection inspection, FindingDraft draft) {
        List<Problem.FieldError> problems = FindingRules.problems(draft, KeyTask.codes(), MajorHazardCriterion.codes());
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        if (draft.evidence().size() > config.maxEvidencePerFinding()) {
            throw ProblemException.invalid("evidence", "at most " + config.maxEvidencePerFinding() + " items per finding");
        }
        FindingDraft resolved = new FindingDraft(draft.keyTask(), draft.grade(), draft.majorCriterion(), draft.description(), draft.location(),
                draft.recommendedMeasure(), draft.rectificationDays(), evidence.resolve(draft.evidence()));
        FindingRules.missingConsent(resolved.evidence(), Consent.scopesOf(inspection.id)).ifPresent(missing -> {
            throw DomainRefusals.consentMissing(missing);
        });
        return resolved;
    }
}
