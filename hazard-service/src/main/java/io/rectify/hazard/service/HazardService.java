package io.rectify.hazard.service;

import io.rectify.contracts.hazard.Actor;
import io.rectify.contracts.hazard.DeadlineExtended;
import io.rectify.contracts.hazard.HazardReopened;
import io.rectify.contracts.hazard.HazardReported;
import io.rectify.contracts.hazard.HazardSignedOff;
import io.rectify.contracts.hazard.HazardVerified;
import io.rectify.contracts.hazard.RectificationPlan;
import io.rectify.contracts.hazard.RectificationPlanSubmitted;
import io.rectify.contracts.hazard.RectificationSubmitted;
import io.rectify.contracts.hazard.VerificationRejected;
import io.rectify.hazard.api.DeadlineExtensionRequest;
import io.rectify.hazard.api.PlanRequest;
import io.rectify.hazard.api.RectificationRequest;
import io.rectify.hazard.api.ReopenRequest;
import io.rectify.hazard.api.ReportHazardRequest;
import io.rectify.hazard.api.SignOffRequest;
import io.rectify.hazard.api.VerificationOutcome;
import io.rectify.hazard.api.VerificationRequest;
import io.rectify.hazard.config.HazardConfig;
import io.rectify.hazard.domain.Grade;
import io.rectify.hazard.domain.Hazard;
import io.rectify.hazard.domain.HazardAction;
import io.rectify.hazard.domain.HazardHistory;
import io.rectify.hazard.domain.HazardStateMachine;
import io.rectify.hazard.domain.HazardStatus;
import io.rectify.hazard.domain.SupervisionLevel;
import io.rectify.platform.api.IfMatch;
import io.rectify.platform.problem.Problem;
import io.rectify.platform.problem.ProblemException;
import io.rectify.platform.security.Caller;
import io.rectify.platform.security.Jurisdiction;
import io.rectify.platform.tracing.Traces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

/**
 * The use cases of a hazard's lifecycle, one transaction each: check scope, permission, version and
 * transition; change the hazard; record history and event together ({@link HazardTrail}).
 */
@ApplicationScoped
public class HazardService {

    /** At most this many deadline extensions per hazard (domain.md). */
    public static final int MAX_EXTENSIONS = 2;

    /** Counts what {@link #prepareReport} let through, for the warm-up ({@link ReportWarmUp#served}). */
    private final LongAdder reportsChecked = new LongAdder();

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    CountyDirectory counties;

    @Inject
    HazardPermissions permissions;

    @Inject
    EnterpriseRegistry enterprises;

    @Inject
    HazardTrail trail;

    @Inject
    HazardConfig config;

    @Inject
    RectificationEvidence rectificationEvidence;

    @Inject
    ExpertConflicts conflicts;

    /**
     * Reports a hazard in its own transaction (a report with an Idempotency-Key, whose answer commits with
     * it, and the start-up warm-up). Other reports go through {@link ReportBatch}, which writes the same
     * rows for many reports in one transaction.
     */
    @Transactional
    public Hazard report(ReportHazardRequest request) {
        NewReport report = prepareReport(request);
        write(List.of(report));
        return report.hazard();
    }

    /**
     * A report checked and made ready to write, in the caller's thread: the county known, the caller
     * allowed to report for that enterprise there, the enterprise registered in that county, the due date.
     * Nothing is written yet.
     */
    public NewReport prepareReport(ReportHazardRequest request) {
        Jurisdiction county = counties.find(request.countyCode())
                .map(c -> Jurisdiction.ofCounty(c.province, c.city, c.code))
                .orElseThrow(() -> ProblemException.invalid("countyCode", "unknown key county " + request.countyCode()));
        permissions.requireMayReport(request.enterpriseCreditCode(), request.source(), county);
        enterprises.requireRegisteredIn(request.enterpriseCreditCode(), request.countyCode());
        Instant now = now();
        Instant dueAt = dueAtOf(request, now);

        Hazard h = new Hazard();
        h.id = UUID.randomUUID();
        h.source = request.source();
        h.enterpriseCreditCode = request.enterpriseCreditCode();
        h.countyCode = request.countyCode();
        h.keyTask = request.keyTask();
        h.grade = request.grade();
        h.majorCriterion = request.majorCriterion();
        h.description = request.description();
        h.location = request.location();
        h.recommendedMeasure = request.recommendedMeasure();
        h.status = HazardStatus.OPEN;
        h.reportedAt = now;
        h.dueAt = dueAt;
        h.supervisionLevel = h.grade == Grade.MAJOR ? SupervisionLevel.COUNTY : null;
        reportsChecked.increment();
        return new NewReport(h, request, actor(), Traces.current());
    }

    /** Reports checked and made ready to write since the instance started (the start-up warm-up's included). */
    public long reportsChecked() {
        return reportsChecked.sum();
    }

    /** Writes prepared reports in the caller's transaction: each hazard, its first history line and its event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void write(List<NewReport> reports) {
        for (NewReport r : reports) {
            em.persist(r.hazard());
        }
        trail.recordReports(reports);
    }

    @Transactional
    public Hazard plan(UUID id, String ifMatch, PlanRequest request) {
        Hazard h = loadForChange(id, ifMatch, HazardAction.PLAN);
        LocalDate lastDay = h.dueAt.atZone(ZoneId.of(config.zone())).toLocalDate();
        if (request.deadline().isAfter(lastDay)) {
            throw ProblemException.invalid("deadline", "must be on or before the due date " + lastDay);
        }
        Instant now = now();
        HazardStatus from = apply(h, HazardAction.PLAN);
        h.planResponsiblePerson = request.responsiblePerson();
        h.planMeasures = request.measures();
        h.planFundingCny = request.fundingCny();
        h.planDeadline = request.deadline();
        h.planContingencyPlan = request.contingencyPlan();
        h.planSubmittedAt = now;
        RectificationPlan plan = new RectificationPlan(request.responsiblePerson(), request.measures(), request.fundingCny(),
                request.deadline(), request.contingencyPlan());
        trail.record(h, from, HazardAction.PLAN.name(), actor(), now, request,
                s -> new RectificationPlanSubmitted(s, actor(), now, plan));
        return h;
    }

    @Transactional
    public Hazard submitRectification(UUID id, String ifMatch, RectificationRequest request) {
        Hazard h = loadForChange(id, ifMatch, HazardAction.SUBMIT_RECTIFICATION);
        RectificationEvidence.Resolved evidence = rectificationEvidence.resolve(h, permissions.requireVisible(h), request.evidence());
        Instant now = now();
        HazardStatus from = apply(h, HazardAction.SUBMIT_RECTIFICATION);
        h.rectificationDescription = request.description();
        h.rectificationEvidence = EvidenceJson.write(evidence.items());
        h.evidenceWarnings = io.rectify.hazard.domain.EvidenceWarning.join(evidence.warnings());
        h.rectificationSubmittedAt = now;
        trail.record(h, from, HazardAction.SUBMIT_RECTIFICATION.name(), actor(), now, request,
                s -> new RectificationSubmitted(s, actor(), now, request.description(), EvidenceJson.toContract(evidence.items())));
        return h;
    }

    @Transactional
    public Hazard verify(UUID id, String ifMatch, VerificationRequest request) {
        boolean accepted = request.outcome() == VerificationOutcome.ACCEPTED;
        HazardAction action = accepted ? HazardAction.VERIFY_ACCEPT : HazardAction.VERIFY_REJECT;
        Hazard h = loadForChange(id, ifMatch, action);
        conflicts.requireImpartialVerifier(h.enterpriseCreditCode, java.time.ZoneId.of(config.zone()));
        if (!accepted && (request.comment() == null || request.comment().isBlank())) {
            throw ProblemException.invalid("comment", "a rejection needs a reason");
        }
        Instant now = now();
        HazardStatus from = apply(h, action);
        if (accepted) {
            h.verifiedAt = now;
            trail.record(h, from, action.name(), actor(), now, request, s -> new HazardVerified(s, actor(), now, request.comment()));
        } else {
            h.rejections++;
            trail.record(h, from, action.name(), actor(), now, request, s -> new VerificationRejected(s, actor(), now, request.comment()));
        }
        return h;
    }

    @Transactional
    public Hazard signOff(UUID id, String ifMatch, SignOffRequest request) {
        Hazard h = loadForChange(id, ifMatch, HazardAction.SIGN_OFF);
        Instant now = now();
        HazardStatus from = apply(h, HazardAction.SIGN_OFF);
        h.signedOffAt = now;
        String comment = request == null ? null : request.comment();
        trail.record(h, from, HazardAction.SIGN_OFF.name(), actor(), now, request, s -> new HazardSignedOff(s, actor(), now, comment));
        return h;
    }

    @Transactional
    public Hazard extendDeadline(UUID id, String ifMatch, DeadlineExtensionRequest request) {
        Hazard h = loadForChange(id, ifMatch, HazardAction.EXTEND_DEADLINE);
        if (h.extensions >= MAX_EXTENSIONS) {
            throw new ProblemException(Problem.of(409, "extension-limit", "Extension limit reached",
                    "a hazard may be extended at most " + MAX_EXTENSIONS + " times; this one was extended " + h.extensions + " times")
                    .with("extensions", h.extensions));
        }
        Instant now = now();
        if (!request.newDueAt().isAfter(h.dueAt)) {
            throw ProblemException.invalid("newDueAt", "must be after the current due date " + h.dueAt);
        }
        if (!request.newDueAt().isAfter(now)) {
            throw ProblemException.invalid("newDueAt", "must be in the future");
        }
        HazardStatus from = apply(h, HazardAction.EXTEND_DEADLINE);
        Instant previous = h.dueAt;
        h.dueAt = request.newDueAt();
        h.extensions++;
        trail.record(h, from, HazardAction.EXTEND_DEADLINE.name(), actor(), now, request,
                s -> new DeadlineExtended(s, actor(), now, previous, request.newDueAt(), request.reason()));
        return h;
    }

    @Transactional
    public Hazard reopen(UUID id, String ifMatch, ReopenRequest request) {
        Hazard h = loadForChange(id, ifMatch, HazardAction.REOPEN);
        Instant now = now();
        HazardStatus from = apply(h, HazardAction.REOPEN);
        h.reopenings++;
        h.signedOffAt = null;
        h.verifiedAt = null;
        trail.record(h, from, HazardAction.REOPEN.name(), actor(), now, request, s -> new HazardReopened(s, actor(), now, request.reason()));
        return h;
    }

    /** 404 out of scope, 403 not allowed, 412 stale version, 409 not allowed in this status — in that order. */
    private Hazard loadForChange(UUID id, String ifMatch, HazardAction action) {
        Hazard h = em.find(Hazard.class, id);
        if (h == null) {
            throw ProblemException.notFound("hazard", id);
        }
        Jurisdiction where = permissions.requireVisible(h);
        permissions.requireMayAct(h, where, action);
        IfMatch.check(ifMatch, h.version);
        if (HazardStateMachine.next(h.status, action).isEmpty()) {
            throw ProblemException.transitionRefused(action.name(), h.status.name(),
                    HazardStateMachine.allowedActions(h.status).stream().map(Enum::name).toList());
        }
        return h;
    }

    /** Moves the hazard on; returns the status it came from. */
    private static HazardStatus apply(Hazard h, HazardAction action) {
        HazardStatus from = h.status;
        h.status = HazardStateMachine.next(from, action).orElseThrow();
        return from;
    }

    /** Microseconds: what PostgreSQL keeps, so the answer and a later read agree to the digit. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private Actor actor() {
        return new Actor(caller.subject(), caller.actingRole());
    }

    /** The due date of a report: reported time + rectification days, or the explicit dueAt (exactly one of them). */
    private Instant dueAtOf(ReportHazardRequest r, Instant now) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (r.grade() == Grade.MAJOR && r.majorCriterion() == null) {
            errors.add(new Problem.FieldError("majorCriterion", "is required for a MAJOR hazard"));
        }
        if (r.grade() == Grade.GENERAL && r.majorCriterion() != null) {
            errors.add(new Problem.FieldError("majorCriterion", "must be empty for a GENERAL hazard"));
        }
        Instant latest = now.plus(Duration.ofDays(config.maxRectificationDays()));
        Instant dueAt = null;
        if ((r.rectificationDays() == null) == (r.dueAt() == null)) {
            errors.add(new Problem.FieldError("rectificationDays", "give either rectificationDays or dueAt"));
        } else if (r.rectificationDays() != null) {
            dueAt = now.plus(Duration.ofDays(r.rectificationDays()));
        } else if (r.dueAt().isAfter(latest)) {
            errors.add(new Problem.FieldError("dueAt", "must be at most " + config.maxRectificationDays() + " days from now"));
        } else if (!r.dueAt().isAfter(now) && !permissions.mayBackdate()) {
            errors.add(new Problem.FieldError("dueAt", "must be in the future"));
        } else {
            dueAt = r.dueAt();
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return dueAt;
    }

}
