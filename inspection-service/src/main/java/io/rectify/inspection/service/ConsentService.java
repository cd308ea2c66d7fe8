package io.rectify.inspection.service;

import io.rectify.contracts.Topics;
import io.rectify.inspection.api.ConsentDocument;
import io.rectify.inspection.audit.InspectionTrail;
import io.rectify.inspection.domain.Consent;
import io.rectify.inspection.domain.ConsentScope;
import io.rectify.inspection.domain.ConsentStatus;
import io.rectify.inspection.domain.Inspection;
import io.rectify.inspection.domain.InspectionAction;
import io.rectify.platform.outbox.Outbox;
import io.rectify.platform.problem.ProblemException;
import io.rectify.platform.security.Caller;
import io.rectify.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.UUID;

/**
 * Consent comes from the enterprise (the seed's rule: no DCS/SIS data viewed, no document copied without
 * it). An assigned expert may request it; it counts only once a token of the inspected enterprise
 * confirms the request, or grants it unasked. Each act keeps its account and time; the grant publishes
 * {@code ConsentGranted}. Each act also moves the inspection's version (If-Match, ETag).
 */
@ApplicationScoped
public class ConsentService {

    private static final Logger LOG = Logger.getLogger(ConsentService.class);

    @Inject
    Caller caller;

    @Inject
    Access access;

    @Inject
    InspectionService inspections;

    @Inject
    Outbox outbox;

    @Inject
    InspectionTrail trail;

    /** The result of an act: the consent and the inspection's new version. */
    public record Change(ConsentDocument consent, long inspectionVersion) {
    }

    /** An expert of the inspection (or ADMIN) asks for the consent: it does not count yet. */
    @Transactional
    public Change request(UUID inspectionId, String ifMatch, ConsentScope scope, String grantedBy, Instant grantedAt) {
        Inspection inspection = inspections.forChange(inspectionId, ifMatch);
        access.requireRunner(inspection);
        Instant now = Instant.now();
        DomainRefusals.apply(inspection, InspectionAction.RECORD_CONSENT, now);
        if (grantedBy != null || grantedAt != null) {
            throw ProblemException.invalid("grantedBy", "only the enterprise grants consent (with a token of its own); "
                    + "an expert requests it with the scope alone");
        }
        requireNone(inspection, scope);
        Consent consent = new Consent();
        consent.id = UUID.randomUUID();
        consent.inspectionId = inspectionId;
        consent.scope = scope;
        consent.status = ConsentStatus.REQUESTED;
        consent.requestedBy = caller.subject();
        consent.requestedAt = now;
        consent.recordedBy = caller.subject();
        consent.recordedAt = now;
        consent.persist();
        Inspection.flush();
        trail.record(inspectionId, "REQUEST_CONSENT", consent.id, now, ConsentDocument.of(consent));
        LOG.infof("consent %s for inspection %s requested by %s", scope, inspectionId, caller.subject());
        return new Change(ConsentDocument.of(consent), inspection.version);
    }

    /** The enterprise grants the consent unasked, or (when an expert asked) confirms the request. */
    @Transactional
    public Change grant(UUID inspectionId, String ifMatch, ConsentScope scope, String grantedBy, Instant grantedAt) {
        Inspection inspection = inspections.forChange(inspectionId, ifMatch);
        requireTheEnterprise(inspection);
        Instant now = Instant.now();
        DomainRefusals.apply(inspection, InspectionAction.RECORD_CONSENT, now);
        Consent consent = Consent.find("inspectionId = ?1 and scope = ?2", inspectionId, scope).firstResult();
        if (consent == null) {
            consent = new Consent();
            consent.id = UUID.randomUUID();
            consent.inspectionId = inspectionId;
            consent.scope = scope;
            consent.recordedBy = caller.subject();
            consent.recordedAt = now;
        } else if (consent.status == ConsentStatus.GRANTED) {
            throw ProblemException.conflict("the enterprise's " + scope + " consent is already granted for inspection " + inspectionId);
        }
        return granted(inspection, consent, grantedBy, grantedAt, now);
    }

    /** The enterprise confirms an expert's request. */
    @Transactional
    public Change confirm(UUID inspectionId, UUID consentId, String ifMatch, String grantedBy, Instant grantedAt) {
        Inspection inspection = inspections.forChange(inspectionId, ifMatch);
        requireTheEnterprise(inspection);
        Consent consent = Consent.findById(consentId);
        if (consent == null || !consent.inspectionId.equals(inspectionId)) {
            throw ProblemException.notFound("consent", consentId);
        }
        Instant now = Instant.now();
        DomainRefusals.apply(inspection, InspectionAction.RECORD_CONSENT, now);
        if (consent.status == ConsentStatus.GRANTED) {
            throw ProblemException.conflict("consent " + consentId + " was already granted at " + consent.grantedAt);
        }
        return granted(inspection, consent, grantedBy, grantedAt, now);
    }

    private Change granted(Inspection inspection, Consent consent, String grantedBy, Instant grantedAt, Instant now) {
        consent.status = ConsentStatus.GRANTED;
        consent.confirmedBy = caller.subject();
        consent.grantedBy = grantedBy == null || grantedBy.isBlank() ? caller.subject() : grantedBy.trim();
        consent.grantedAt = grantedAt == null ? now : grantedAt;
        consent.persist();
        Inspection.flush();
        trail.record(inspection.id, "RECORD_CONSENT", consent.id, now, ConsentDocument.of(consent));
        outbox.append(Topics.INSPECTION_EVENTS, InspectionEvents.consentGranted(inspection, consent, now));
        LOG.infof("consent %s for inspection %s granted by the enterprise's account %s%s", consent.scope, inspection.id,
                caller.subject(), consent.requestedBy == null ? "" : " (requested by " + consent.requestedBy + ")");
        return new Change(ConsentDocument.of(consent), inspection.version);
    }

    /** Only a token of the inspected enterprise says yes for it (ADMIN does not: it is the enterprise's word). */
    private void requireTheEnterprise(Inspection inspection) {
        if (!caller.is(Roles.ENTERPRISE) || !inspection.enterpriseCreditCode.equals(caller.creditCode())) {
            throw ProblemException.forbidden("only a token of enterprise " + inspection.enterpriseCreditCode
                    + " may grant or confirm its consent");
        }
    }

    private static void requireNone(Inspection inspection, ConsentScope scope) {
        Consent existing = Consent.find("inspectionId = ?1 and scope = ?2", inspection.id, scope).firstResult();
        if (existing != null) {
            throw ProblemException.conflict("the enterprise's " + scope + " consent is already "
                    + existing.status.name().toLowerCase() + " for inspection " + inspection.id);
        }
    }
}
