package io.rectify.scoring.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * What scoring keeps of one hazard: its latest snapshot's grade, status and dates. The predicates are
 * the set memberships of scoring.md, evaluated at a given {@code now}.
 *
 * @param dueAt                    the due date in force (after extensions)
 * @param rectificationSubmittedAt when the latest (once verified: the accepted) rectification was submitted
 */
public record HazardFact(
        UUID id,
        String grade,
        String status,
        Instant dueAt,
        Instant rectificationSubmittedAt,
        Instant signedOffAt,
        int reopenings) {

    public static final String MAJOR = "MAJOR";
    public static final String GENERAL = "GENERAL";
    public static final String SIGNED_OFF = "SIGNED_OFF";

    public boolean major() {
        return MAJOR.equals(grade);
    }

    public boolean general() {
        return GENERAL.equals(grade);
    }

    /** In S. A reopened hazard is back in work, so only the current status counts. */
    public boolean signedOff() {
        return SIGNED_OFF.equals(status);
    }

    /** In D: signed off, or its due date in force has come. */
    public boolean dueOrClosed(Instant now) {
        return signedOff() || (dueAt != null && !dueAt.isAfter(now));
    }

    /** In T: signed off and the accepted rectification was submitted at or before the due date in force. */
    public boolean onTime() {
        return signedOff() && rectificationSubmittedAt != null && dueAt != null && !rectificationSubmittedAt.isAfter(dueAt);
    }

    /** In R. */
    public boolean reopened() {
        return reopenings > 0;
    }

    /** domain.md: past the due date while the enterprise owes work (the clock stops during verification). */
    public boolean overdue(Instant now) {
        return ("OPEN".equals(status) || "RECTIFYING".equals(status)) && dueAt != null && dueAt.isBefore(now);
    }

    /** Overdue by strictly more than {@code threshold}. */
    public boolean overdueBy(Instant now, Duration threshold) {
        return overdue(now) && Duration.between(dueAt, now).compareTo(threshold) > 0;
    }
}
