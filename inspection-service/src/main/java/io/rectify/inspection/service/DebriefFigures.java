package io.rectify.inspection.service;

import io.rectify.contracts.hazard.HazardSnapshot;
import io.rectify.contracts.scoring.CountyIndexDocument;
import io.rectify.inspection.domain.CountyYardsticks;
import io.rectify.inspection.domain.RectificationWarning;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/**
 * Keeps what the nightly debrief shows from other services: the county's yardsticks from
 * {@code county.index} and the rectification evidence warnings from {@code hazard.events}. Each record
 * only moves a row forward (a newer computation, a higher snapshot version), so a record read again or
 * late changes nothing.
 */
@ApplicationScoped
public class DebriefFigures {

    /** The latest composite index and sheet score of the county. */
    public void indexChanged(CountyIndexDocument doc) {
        if (doc.countyCode() == null || doc.computedAt() == null) {
            throw new IllegalArgumentException("county.index record without countyCode or computedAt");
        }
        CountyYardsticks row = CountyYardsticks.findById(doc.countyCode());
        if (row != null && !doc.computedAt().isAfter(row.computedAt)) {
            return;
        }
        if (row == null) {
            row = new CountyYardsticks();
            row.countyCode = doc.countyCode();
        }
        row.period = doc.period();
        row.rubricVersion = doc.rubricVersion();
        row.index = doc.index();
        row.reason = doc.reason();
        row.demonstrationEligible = doc.demonstrationEligible();
        CountyIndexDocument.SheetResult sheet = doc.sheet();
        row.sheetVersion = sheet == null ? null : sheet.sheetVersion();
        row.sheetScore = sheet == null ? null : sheet.score();
        row.sheetSubmittedAt = sheet == null ? null : sheet.submittedAt();
        row.computedAt = doc.computedAt();
        row.persist();
    }

    /** A hazard's snapshot: its warnings recorded, updated, or (none left) removed. */
    public void hazardChanged(HazardSnapshot hazard, Instant occurredAt) {
        if (hazard == null || hazard.id() == null || hazard.countyCode() == null) {
            throw new IllegalArgumentException("hazard event without a snapshot, an id or a county");
        }
        RectificationWarning row = RectificationWarning.findById(hazard.id());
        if (row != null && hazard.version() <= row.hazardVersion) {
            return;
        }
        List<String> warnings = hazard.evidenceWarnings() == null ? List.of() : hazard.evidenceWarnings();
        if (warnings.isEmpty()) {
            if (row != null) {
                row.delete();
            }
            return;
        }
        if (row == null) {
            row = new RectificationWarning();
            row.hazardId = hazard.id();
            row.raisedAt = occurredAt;
        } else if (!String.join(",", warnings).equals(row.warnings)) {
            row.raisedAt = occurredAt; // a new signal: the debrief of this day shows it
        }
        row.countyCode = hazard.countyCode();
        row.enterpriseCreditCode = hazard.enterpriseCreditCode();
        row.grade = hazard.grade();
        row.status = hazard.status();
        row.description = hazard.description() == null ? "" : hazard.description();
        row.warnings = String.join(",", warnings);
        row.hazardVersion = hazard.version();
        row.persist();
    }
}
