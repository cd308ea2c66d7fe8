package io.rectify.inspection.service;

import com.fasterxml.jackson.core.type.TypeReference;
import io.rectify.contracts.EventJson;
import io.rectify.contracts.Topics;
import io.rectify.contracts.inspection.SheetAssessed;
import io.rectify.contracts.inspection.SheetMark;
import io.rectify.contracts.scoring.ScoringSheet;
import io.rectify.inspection.api.SheetAssessmentDocument;
import io.rectify.inspection.api.SheetAssessmentRequest;
import io.rectify.inspection.domain.County;
import io.rectify.inspection.domain.Expert;
import io.rectify.inspection.domain.Finding;
import io.rectify.inspection.domain.SheetAssessment;
import io.rectify.inspection.domain.SheetAssessmentStatus;
import io.rectify.inspection.domain.SheetMarkRules;
import io.rectify.platform.api.IfMatch;
import io.rectify.platform.outbox.Outbox;
import io.rectify.platform.problem.Problem;
import io.rectify.platform.problem.ProblemException;
import io.rectify.platform.security.Caller;
import io.rectify.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scoring a county on a scoring sheet (the expert team, during the guidance week): a draft the team edits,
 * submitted by its lead, which publishes {@code SheetAssessed} in the same transaction.
 * <p>
 * The sheet's items are checked against inspection-service's copy of the sheets shipped in event-contracts
 * (the same file scoring-service seeds from); a version only stored later in scoring-service is unknown
 * here (422) until it ships. scoring-service scores the marks against its stored version on consumption.
 */
@ApplicationScoped
public class SheetAssessmentService {

    private static final Logger LOG = Logger.getLogger(SheetAssessmentService.class);
    private static final TypeReference<List<SheetMark>> MARKS = new TypeReference<>() {
    };

    @Inject
    Caller caller;

    @Inject
    Access access;

    @Inject
    Outbox outbox;

    private final Map<String, ScoringSheet> sheets = new ConcurrentHashMap<>();

    @Transactional
    public SheetAssessmentDocument draft(String countyCode, SheetAssessmentRequest request) {
        County county = access.visibleCounty(countyCode);
        ScoringSheet sheet = sheet(request.sheetVersion());
        List<SheetMark> marks = request.marks() == null ? List.of() : request.marks();
        List<Problem.FieldError> errors = new ArrayList<>(SheetMarkRules.problems(sheet, marks, false));
        if (Expert.findById(request.teamLeadId()) == null) {
            errors.add(new Problem.FieldError("teamLeadId", "unknown expert " + request.teamLeadId()));
        }
        errors.addAll(unknownFindings(county.code, marks));
        refuse(errors);
        Instant now = Instant.now();
        SheetAssessment a = new SheetAssessment();
        a.id = UUID.randomUUID();
        a.countyCode = county.code;
        a.period = request.period();
        a.sheetVersion = request.sheetVersion();
        a.teamLeadId = request.teamLeadId();
        a.status = SheetAssessmentStatus.DRAFT;
        a.marks = EventJson.write(marks);
        a.createdBy = caller.subject();
        a.createdAt = now;
        a.updatedAt = now;
        a.persistAndFlush();
        LOG.infof("sheet assessment %s of county %s period %d drafted on sheet %s by %s", a.id, a.countyCode, a.period,
                a.sheetVersion, caller.subject());
        return document(a);
    }

    @Transactional
    public SheetAssessmentDocument get(String countyCode, UUID id) {
        return document(visible(countyCode, id, LockModeType.NONE));
    }

    @Transactional
    public List<SheetAssessmentDocument> list(String countyCode, Integer period) {
        County county = access.visibleCounty(countyCode);
        List<SheetAssessment> found = period == null
                ? SheetAssessment.list("countyCode = ?1 order by period desc, createdAt desc", county.code)
                : SheetAssessment.list("countyCode = ?1 and period = ?2 order by createdAt desc", county.code, period);
        return found.stream().map(this::document).toList();
    }

    /** Replaces the draft's marks. */
    @Transactional
    public SheetAssessmentDocument revise(String countyCode, UUID id, String ifMatch, List<SheetMark> marks) {
        SheetAssessment a = forChange(countyCode, id, ifMatch);
        List<Problem.FieldError> errors = new ArrayList<>(SheetMarkRules.problems(sheet(a.sheetVersion), marks, false));
        errors.addAll(unknownFindings(a.countyCode, marks));
        refuse(errors);
        a.marks = EventJson.write(marks);
        a.updatedAt = Instant.now();
        SheetAssessment.flush();
        LOG.infof("sheet assessment %s revised by %s", a.id, caller.subject());
        return document(a);
    }

    /** The team lead closes the draft: every item marked, then {@code SheetAssessed} goes out with the state change. */
    @Transactional
    public SheetAssessmentDocument submit(String countyCode, UUID id, String ifMatch) {
        SheetAssessment a = forChange(countyCode, id, ifMatch);
        if (!caller.is(Roles.ADMIN)) {
            Expert lead = Expert.findById(a.teamLeadId);
            if (lead == null || lead.subject == null || !lead.subject.equals(caller.subject())) {
                throw ProblemException.forbidden("only the team lead (expert " + a.teamLeadId + ") may submit sheet assessment " + a.id);
            }
        }
        List<SheetMark> marks = marks(a);
        refuse(SheetMarkRules.problems(sheet(a.sheetVersion), marks, true));
        Instant now = Instant.now();
        a.status = SheetAssessmentStatus.SUBMITTED;
        a.submittedBy = caller.subject();
        a.submittedAt = now;
        a.updatedAt = now;
        SheetAssessment.flush();
        outbox.append(Topics.INSPECTION_EVENTS, new SheetAssessed(a.id, a.countyCode, a.period, a.sheetVersion, a.teamLeadId, marks,
                a.submittedBy, now, now));
        LOG.infof("sheet assessment %s of county %s period %d submitted by %s", a.id, a.countyCode, a.period, caller.subject());
        return document(a);
    }

    private SheetAssessment forChange(String countyCode, UUID id, String ifMatch) {
        SheetAssessment a = visible(countyCode, id, LockModeType.PESSIMISTIC_WRITE);
        if (!caller.is(Roles.ADMIN) && !caller.is(Roles.EXPERT)) {
            throw ProblemException.forbidden("only the expert team may change a sheet assessment");
        }
        IfMatch.check(ifMatch, a.version);
        if (a.status != SheetAssessmentStatus.DRAFT) {
            throw ProblemException.conflict("sheet assessment " + a.id + " is " + a.status + ": a submitted assessment is final");
        }
        return a;
    }

    private SheetAssessment visible(String countyCode, UUID id, LockModeType lock) {
        County county = access.visibleCounty(countyCode);
        SheetAssessment a = SheetAssessment.findById(id, lock);
        if (a == null || !a.countyCode.equals(county.code)) {
            throw ProblemException.notFound("sheet assessment", id);
        }
        return a;
    }

    private ScoringSheet sheet(String version) {
        ScoringSheet sheet = version == null ? null : sheets.computeIfAbsent(version, v -> ScoringSheet.shipped(v).orElse(null));
        if (sheet == null) {
            throw ProblemException.invalid("sheetVersion", "unknown scoring sheet " + version + " (inspection-service knows the shipped sheets)");
        }
        return sheet;
    }

    /** Cited findings must be this service's findings of an inspection in the county. */
    private static List<Problem.FieldError> unknownFindings(String countyCode, List<SheetMark> marks) {
        Set<UUID> cited = new HashSet<>();
        marks.stream().filter(m -> m != null && m.findingIds() != null).forEach(m -> cited.addAll(m.findingIds()));
        cited.remove(null);
        if (cited.isEmpty()) {
            return List.of();
        }
        Set<UUID> known = new HashSet<>(Finding.getEntityManager().createQuery("""
                select f.id from Finding f, Inspection i where f.inspectionId = i.id and i.countyCode = :county and f.id in :ids""", UUID.class)
                .setParameter("county", countyCode).setParameter("ids", cited).getResultList());
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < marks.size(); i++) {
            SheetMark m = marks.get(i);
            if (m != null && m.findingIds() != null) {
                for (UUID f : m.findingIds()) {
                    if (!known.contains(f)) {
                        errors.add(new Problem.FieldError("marks[" + i + "].findingIds", "no finding " + f + " in county " + countyCode));
                    }
                }
            }
        }
        return errors;
    }

    private static void refuse(List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList()), errors);
        }
    }

    private static List<SheetMark> marks(SheetAssessment a) {
        try {
            return EventJson.mapper().readValue(a.marks, MARKS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SheetAssessmentDocument document(SheetAssessment a) {
        return new SheetAssessmentDocument(a.id, a.countyCode, a.period, a.sheetVersion, a.teamLeadId, a.status, marks(a), a.createdBy,
                a.createdAt, a.updatedAt, a.submittedBy, a.submittedAt, a.version);
    }
}
