package io.rectify.scoring.service;

import io.rectify.contracts.CountyCode;
import io.rectify.contracts.CloudEvent;
import io.rectify.contracts.hazard.HazardEvent;
import io.rectify.contracts.hazard.HazardSnapshot;
import io.rectify.contracts.inspection.CountyRegistered;
import io.rectify.contracts.inspection.EnterpriseRegistered;
import io.rectify.contracts.inspection.InspectionCompleted;
import io.rectify.contracts.inspection.SheetAssessed;
import io.rectify.scoring.domain.RubricValidator;
import io.rectify.platform.inbox.IncomingEvent;
import io.rectify.scoring.domain.HazardFact;
import io.rectify.scoring.domain.Periods;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns an upstream event into the fact change scoring needs, checking what the fact tables rely on.
 * Pure (no database), so the live consumers and the rebuild decode identically, and a payload that
 * cannot be used fails here, before anything is written: it is poison for both (DLQ live, skipped in
 * a rebuild).
 */
public final class FactUpdates {

    static final Pattern CREDIT_CODE = Pattern.compile("^[0-9A-HJ-NPQRTUWXY]{18}$");
    static final Set<String> GRADES = Set.of(HazardFact.GENERAL, HazardFact.MAJOR);

    /** Only the hazard field matters to scoring; every hazard event carries it. */
    record HazardEnvelope(HazardSnapshot hazard) {
    }

    private FactUpdates() {
    }

    /**
     * @return the fact change, or empty for an event scoring does not use (producers may add events)
     * @throws IllegalArgumentException for a payload scoring cannot use (a poison record)
     */
    public static Optional<FactUpdate> decode(IncomingEvent event, ZoneId zone) {
        String name = event.name();
        if (name == null) {
            return Optional.empty();
        }
        if (event.attributes().type().startsWith("rectify.hazard.")) {
            return HazardEvent.NAMES.contains(name) ? Optional.of(hazard(event, zone)) : Optional.empty();
        }
        return switch (name) {
            case "CountyRegistered" -> Optional.of(county(event));
            case "EnterpriseRegistered" -> Optional.of(enterprise(event));
            case "InspectionCompleted" -> Optional.of(inspection(event, zone));
            case "SheetAssessed" -> Optional.of(sheetAssessment(event));
            default -> Optional.empty();
        };
    }

    private static FactUpdate county(IncomingEvent event) {
        CountyRegistered c = event.payload(CountyRegistered.class);
        return new FactUpdate.CountyUpdate(countyCode(c.code()), c.name(), c.city(), c.province(),
                orElse(c.occurredAt(), event.attributes()), event.id());
    }

    private static FactUpdate enterprise(IncomingEvent event) {
        EnterpriseRegistered e = event.payload(EnterpriseRegistered.class);
        return new FactUpdate.EnterpriseUpdate(creditCode(e.creditCode()), countyCode(e.countyCode()),
                orElse(e.occurredAt(), event.attributes()), event.id());
    }

    private static FactUpdate inspection(IncomingEvent event, ZoneId zone) {
        InspectionCompleted i = event.payload(InspectionCompleted.class);
        require(i.inspectionId() != null, "inspectionId is missing");
        Instant completedAt = i.completedAt() != null ? i.completedAt() : orElse(i.occurredAt(), event.attributes());
        return new FactUpdate.InspectionUpdate(i.inspectionId(), creditCode(i.enterpriseCreditCode()), countyCode(i.countyCode()),
                Periods.of(completedAt, zone), completedAt);
    }

    private static FactUpdate sheetAssessment(IncomingEvent event) {
        SheetAssessed a = event.payload(SheetAssessed.class);
        require(a.assessmentId() != null, "assessmentId is missing");
        require(a.period() >= 2000 && a.period() <= 2100, "period must be a year between 2000 and 2100");
        require(a.sheetVersion() != null && RubricValidator.VERSION.matcher(a.sheetVersion()).matches(), "sheetVersion is missing or malformed");
        require(a.marks() != null, "marks are missing");
        require(a.submittedAt() != null, "submittedAt is missing");
        return new FactUpdate.SheetAssessmentUpdate(a.assessmentId(), countyCode(a.countyCode()), a.period(), a.sheetVersion(),
                a.marks(), a.submittedAt());
    }

    private static FactUpdate hazard(IncomingEvent event, ZoneId zone) {
        return hazard(event.payload(HazardEnvelope.class).hazard(), zone);
    }

    /** The checks and the fact change of a hazard event's snapshot (also {@link RebuildDecoder}'s, which reads it faster). */
    static FactUpdate hazard(HazardSnapshot h, ZoneId zone) {
        require(h != null, "the hazard snapshot is missing");
        require(h.id() != null, "hazard.id is missing");
        require(h.grade() != null && GRADES.contains(h.grade()), "hazard.grade must be one of %s", GRADES);
        require(h.status() != null && h.status().length() <= 32, "hazard.status is missing or too long");
        require(h.reportedAt() != null, "hazard.reportedAt is missing");
        require(h.version() >= 0 && h.reopenings() >= 0, "hazard.version and hazard.reopenings must not be negative");
        HazardFact fact = new HazardFact(h.id(), h.grade(), h.status(), h.dueAt(), h.rectificationSubmittedAt(), h.signedOffAt(), h.reopenings());
        return new FactUpdate.HazardUpdate(fact, countyCode(h.countyCode()), h.city(), h.province(),
                Periods.of(h.reportedAt(), zone), h.version());
    }

    private static String countyCode(String code) {
        require(CountyCode.isValid(code), "county code %s is not 6–12 uppercase letters or digits", code);
        return code;
    }

    private static String creditCode(String code) {
        require(code != null && CREDIT_CODE.matcher(code).matches(), "credit code %s is not an 18-character unified social credit code", code);
        return code;
    }

    private static Instant orElse(Instant occurredAt, CloudEvent attributes) {
        return occurredAt != null ? occurredAt : attributes.time();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** The message is put together only when the check fails: these run for every event a rebuild reads. */
    private static void require(boolean condition, String format, Object value) {
        if (!condition) {
            throw new IllegalArgumentException(String.format(format, value));
        }
    }
}
