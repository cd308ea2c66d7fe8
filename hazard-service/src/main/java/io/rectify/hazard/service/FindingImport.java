package io.rectify.hazard.service;

import io.rectify.contracts.CountyCode;
import io.rectify.contracts.hazard.Actor;
import io.rectify.contracts.hazard.HazardReported;
import io.rectify.contracts.inspection.FindingConfirmed;
import io.rectify.hazard.domain.Grade;
import io.rectify.hazard.domain.Hazard;
import io.rectify.hazard.domain.HazardHistory;
import io.rectify.hazard.domain.HazardSource;
import io.rectify.hazard.domain.HazardStatus;
import io.rectify.hazard.domain.SupervisionLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Turns a confirmed inspection finding into exactly one hazard. The consumer already skips a redelivered
 * event id; this also skips the same finding arriving under a new event id (a re-sent completion), and
 * the unique finding_id column is the last line of defence.
 */
@ApplicationScoped
public class FindingImport {

    private static final Logger LOG = Logger.getLogger(FindingImport.class);
    /** The finding's author is inspection-service; its experts are named in the inspection. */
    static final Actor INSPECTION = new Actor("inspection-service", "SYSTEM");

    @Inject
    EntityManager em;

    @Inject
    CountyDirectory counties;

    @Inject
    HazardTrail trail;

    /** @return the new hazard, or {@code null} when the finding already has one */
    @Transactional(Transactional.TxType.MANDATORY)
    public Hazard importFinding(FindingConfirmed f) {
        validate(f);
        Long existing = em.createQuery("select count(h) from Hazard h where h.findingId = :finding", Long.class)
                .setParameter("finding", f.findingId()).getSingleResult();
        if (existing > 0) {
            LOG.infof("finding %s already has its hazard; FindingConfirmed ignored", f.findingId());
            return null;
        }
        if (counties.find(f.countyCode()).isEmpty()) {
            // events of different keys are not ordered: the county may still be on its way. The hazard
            // is kept (never lose a finding); city and province join in once the county is known.
            LOG.warnf("finding %s names county %s that is not registered yet", f.findingId(), f.countyCode());
        }
        Instant reportedAt = f.confirmedAt() != null ? f.confirmedAt() : f.occurredAt() != null ? f.occurredAt() : Instant.now();
        Hazard h = new Hazard();
        h.id = UUID.randomUUID();
        h.source = HazardSource.EXPERT_INSPECTION;
        h.findingId = f.findingId();
        h.inspectionId = f.inspectionId();
        h.enterpriseCreditCode = f.enterpriseCreditCode();
        h.countyCode = f.countyCode();
        h.keyTask = f.keyTask();
        h.keyTaskVersion = f.keyTaskVersion();
        h.grade = Grade.valueOf(f.grade());
        h.majorCriterion = h.grade == Grade.MAJOR ? f.majorCriterion() : null;
        h.description = f.description();
        h.location = f.location();
        h.recommendedMeasure = f.recommendedMeasure();
        h.status = HazardStatus.OPEN;
        h.reportedAt = reportedAt;
        h.dueAt = reportedAt.plus(Duration.ofDays(f.rectificationDays()));
        h.supervisionLevel = h.grade == Grade.MAJOR ? SupervisionLevel.COUNTY : null;
        h.findingEvidence = f.evidence() == null || f.evidence().isEmpty() ? null : io.rectify.contracts.EventJson.write(f.evidence());
        em.persist(h);
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        trail.record(h, null, HazardHistory.REPORT, INSPECTION, now,
                Map.of("findingId", f.findingId(), "inspectionId", String.valueOf(f.inspectionId()),
                        "rectificationDays", f.rectificationDays()),
                s -> new HazardReported(s, INSPECTION, now));
        return h;
    }

    /** A finding that cannot become a hazard is poison: the exception sends it to the dead-letter topic. */
    private static void validate(FindingConfirmed f) {
        require(f.findingId() != null, "findingId is missing");
        require(f.enterpriseCreditCode() != null && f.enterpriseCreditCode().length() == 18, "enterpriseCreditCode is invalid");
        require(CountyCode.isValid(f.countyCode()), "countyCode is invalid");
        require(f.keyTask() != null && !f.keyTask().isBlank(), "keyTask is missing");
        require("GENERAL".equals(f.grade()) || "MAJOR".equals(f.grade()), "grade must be GENERAL or MAJOR");
        require(!"MAJOR".equals(f.grade()) || f.majorCriterion() != null, "a MAJOR finding needs its majorCriterion");
        require(f.description() != null && !f.description().isBlank(), "description is missing");
        require(f.rectificationDays() >= 1 && f.rectificationDays() <= 365, "rectificationDays must be 1-365");
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException("FindingConfirmed cannot become a hazard: " + problem);
        }
    }
}
