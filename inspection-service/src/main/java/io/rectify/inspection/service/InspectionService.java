package io.rectify.inspection.service;

import io.rectify.contracts.Topics;
import io.rectify.inspection.api.CompleteRequest;
import io.rectify.inspection.api.InspectionDocument;
import io.rectify.inspection.api.ScheduleRequest;
import io.rectify.inspection.domain.Campaign;
import io.rectify.inspection.domain.County;
import io.rectify.inspection.domain.Enterprise;
import io.rectify.inspection.domain.Expert;
import io.rectify.inspection.domain.Finding;
import io.rectify.inspection.domain.Inspection;
import io.rectify.inspection.domain.InspectionAction;
import io.rectify.inspection.domain.InspectionStatus;
import io.rectify.inspection.domain.KeyTask;
import io.rectify.platform.api.IfMatch;
import io.rectify.platform.api.PageRequest;
import io.rectify.platform.api.PageResult;
import io.rectify.platform.outbox.Outbox;
import io.rectify.platform.problem.Problem;
import io.rectify.platform.problem.ProblemException;
import io.rectify.platform.security.Caller;
import io.rectify.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.rectify.inspection.audit.InspectionTrail;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Inspections: scheduling and the lifecycle, completion (consents: {@link ConsentService}). Each use case is one transaction
 * that changes the state and appends its event(s) to the outbox.
 */
@ApplicationScoped
public class InspectionService {

    private static final Logger LOG = Logger.getLogger(InspectionService.class);

    @Inject
    InspectionTrail trail;

    @Inject
    Caller caller;

    @Inject
    Access access;

    @Inject
    Outbox outbox;

    @Inject
    Pages pages;

    @Inject
    InspectionDocuments documents;

    @Inject
    ExpertFit fit;

    @Transactional
    public InspectionDocument schedule(ScheduleRequest request) {
        Enterprise enterprise = Enterprise.findById(request.enterpriseCreditCode());
        if (enterprise == null || !caller.canSee(access.jurisdictionOf(enterprise.countyCode, enterprise.creditCode))) {
            throw ProblemException.invalid("enterpriseCreditCode", "unknown enterprise " + request.enterpriseCreditCode());
        }
        List<UUID> expertIds = new ArrayList<>(new LinkedHashSet<>(request.expertIds()));
        List<String> keyTasks = new ArrayList<>(new LinkedHashSet<>(request.keyTasks()));
        List<Problem.FieldError> errors = new ArrayList<>();
        List<Expert> experts = Expert.list("id in ?1", expertIds);
        if (experts.size() != expertIds.size()) {
            Set<UUID> known = new HashSet<>(experts.stream().map(e -> e.id).toList());
            expertIds.stream().filter(id -> !known.contains(id))
                    .forEach(id -> errors.add(new Problem.FieldError("expertIds", "unknown expert " + id)));
        }
        Set<String> knownTasks = KeyTask.codes();
        keyTasks.stream().filter(t -> !knownTasks.contains(t))
                .forEach(t -> errors.add(new Problem.FieldError("keyTasks", "unknown key task '" + t + "' (see GET /api/v1/key-tasks)")));
        if (request.campaignId() != null) {
            campaignProblem(request, enterprise).ifPresent(errors::add);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        requireScheduler(enterprise, experts);
        fit.requireImpartial(expertIds, enterprise.creditCode, request.scheduledOn());

        Instant now = Instant.now();
        Inspection inspection = new Inspection();
        inspection.id = UUID.randomUUID();
        inspection.campaignId = request.campaignId();
        inspection.enterpriseCreditCode = enterprise.creditCode;
        inspection.countyCode = enterprise.countyCode;
        inspection.expertIds.addAll(expertIds);
        inspection.scheduledOn = request.scheduledOn();
        inspection.mode = request.mode();
        inspection.keyTasks.addAll(keyTasks);
        inspection.status = InspectionStatus.SCHEDULED;
        inspection.scheduledBy = caller.subject();
        inspection.scheduledAt = now;
        inspection.updatedAt = now;
        inspection.persistAndFlush();
        List<String> subjects = experts.stream().filter(e -> e.subject != null).map(e -> e.subject).distinct().toList();
        outbox.append(Topics.INSPECTION_EVENTS, InspectionEvents.scheduled(inspection, subjects, now));
        LOG.infof("inspection %s scheduled for enterprise %s on %s by %s", inspection.id, enterprise.creditCode,
                inspection.scheduledOn, caller.subject());
        return documents.of(inspection);
    }

    @Transactional
    public InspectionDocument get(UUID id) {
        return documents.of(access.visibleInspection(id, LockModeType.NONE));
    }

    @Transactional
    public PageResult<InspectionDocument> list(String countyCode, String enterprise, InspectionStatus status, LocalDate date, PageRequest page) {
        ScopeCondition scope = ScopeCondition.of(caller, "i.countyCode", "i.enterpriseCreditCode");
        Map<String, Object> params = new HashMap<>(scope.params());
        StringBuilder where = new StringBuilder(scope.jpql());
        if (countyCode != null && !countyCode.isBlank()) {
            where.append(" and i.countyCode = :county");
            params.put("county", countyCode);
        }
        if (enterprise != null && !enterprise.isBlank()) {
            where.append(" and i.enterpriseCreditCode = :enterprise");
            params.put("enterprise", enterprise);
        }
        if (status != null) {
            where.append(" and i.status = :status");
            params.put("status", status);
        }
        if (date != null) {
            where.append(" and i.scheduledOn = :date");
            params.put("date", date);
        }
        PageResult<Inspection> found = pages.find(Inspection.class, "Inspection i", "i", where.toString(), params,
                "i.scheduledOn desc, i.scheduledAt desc, i.id", page);
        return new PageResult<>(documents.of(found.items()), found.page(), found.size(), found.total());
    }

    @Transactional
    public InspectionDocument start(UUID id, String ifMatch) {
        Inspection inspection = forChange(id, ifMatch);
        access.requireRunner(inspection);
        Instant now = Instant.now();
        DomainRefusals.apply(inspection, InspectionAction.START, now);
        inspection.startedAt = now;
        Inspection.flush();
        outbox.append(Topics.INSPECTION_EVENTS, InspectionEvents.started(inspection, now));
        LOG.infof("inspection %s started by %s", id, caller.subject());
        return documents.of(inspection);
    }

    @Transactional
    public InspectionDocument cancel(UUID id, String ifMatch, String reason) {
        Inspection inspection = forChange(id, ifMatch);
        access.requireCanceller(inspection);
        Instant now = Instant.now();
        DomainRefusals.apply(inspection, InspectionAction.CANCEL, now);
        inspection.cancelledAt = now;
        inspection.cancelReason = reason.trim();
        Inspection.flush();
        trail.record(id, "CANCEL", null, now, java.util.Map.of("reason", inspection.cancelReason));
        outbox.append(Topics.INSPECTION_EVENTS, InspectionEvents.cancelled(inspection, now));
        LOG.infof("inspection %s cancelled by %s", id, caller.subject());
        return documents.of(inspection);
    }

    /**
     * Completes the inspection and confirms its findings: one {@code FindingConfirmed} per finding not
     * withdrawn and one {@code InspectionCompleted}, all in this transaction. From here on the
     * inspection is frozen (the lifecycle allows nothing after COMPLETED).
     */
    @Transactional
    public InspectionDocument complete(UUID id, String ifMatch, CompleteRequest request) {
        Inspection inspection = forChange(id, ifMatch);
        access.requireRunner(inspection);
        Instant now = Instant.now();
        DomainRefusals.apply(inspection, InspectionAction.COMPLETE, now);
        inspection.completedAt = now;
        inspection.summary = request == null || request.summary() == null || request.summary().isBlank() ? null : request.summary().trim();
        Inspection.flush();
        List<Finding> confirmed = Finding.activeOf(id);
        for (Finding finding : confirmed) {
            outbox.append(Topics.INSPECTION_EVENTS, InspectionEvents.findingConfirmed(inspection, finding, now));
        }
        outbox.append(Topics.INSPECTION_EVENTS, InspectionEvents.completed(inspection, confirmed.size(), now));
        java.util.Map<String, Object> completion = new java.util.LinkedHashMap<>();
        completion.put("summary", inspection.summary);
        completion.put("confirmedFindings", confirmed.stream().map(f -> f.id).toList());
        trail.record(id, "COMPLETE", null, now, completion);
        LOG.infof("inspection %s completed by %s with %d confirmed findings", id, caller.subject(), confirmed.size());
        return documents.of(inspection);
    }

    /** The inspection, locked for the change, visible to the caller and at the version the client expects. */
    Inspection forChange(UUID id, String ifMatch) {
        Inspection inspection = access.visibleInspection(id, LockModeType.PESSIMISTIC_WRITE);
        IfMatch.check(ifMatch, inspection.version);
        return inspection;
    }

    private Optional<Problem.FieldError> campaignProblem(ScheduleRequest request, Enterprise enterprise) {
        Campaign campaign = Campaign.findById(request.campaignId());
        if (campaign == null) {
            return Optional.of(new Problem.FieldError("campaignId", "unknown campaign " + request.campaignId()));
        }
        if (!campaign.countyCodes.contains(enterprise.countyCode)) {
            return Optional.of(new Problem.FieldError("campaignId", "campaign " + campaign.id + " does not cover county " + enterprise.countyCode));
        }
        if (!campaign.covers(request.scheduledOn())) {
            return Optional.of(new Problem.FieldError("scheduledOn", "must fall in the campaign period "
                    + campaign.startsOn + " … " + campaign.endsOn));
        }
        return Optional.empty();
    }

    /**
     * Scheduling: an ADMIN, a regulator of the enterprise's county, or an expert who schedules an
     * inspection they are themselves assigned to.
     */
    private void requireScheduler(Enterprise enterprise, List<Expert> experts) {
        County county = County.findById(enterprise.countyCode);
        if (caller.regulates(county.jurisdiction())) {
            return;
        }
        boolean selfAssigned = caller.is(Roles.EXPERT) && caller.subject() != null
                && experts.stream().anyMatch(e -> caller.subject().equals(e.subject));
        if (!selfAssigned) {
            throw ProblemException.forbidden(caller.is(Roles.EXPERT)
                    ? "an expert may only schedule inspections they are assigned to (add your own expert id)"
                    : "county " + county.code + " is outside your scope");
        }
    }
}
