package io.rectify.scoring.rest;

import io.rectify.platform.problem.ProblemException;
import io.rectify.scoring.domain.Periods;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Query parameters read as text and checked here, so a malformed one is a 422 naming it (JAX-RS would
 * answer a failed conversion with a bare 404).
 */
final class QueryParams {

    static final Pattern COUNTY_CODE = Pattern.compile("^[0-9A-Z]{6,12}$");

    private QueryParams() {
    }

    static Integer period(String value, Integer fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int period = Integer.parseInt(value.trim());
            if (period >= Periods.MIN && period <= Periods.MAX) {
                return period;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ProblemException.invalid("period", "must be a year between " + Periods.MIN + " and " + Periods.MAX);
    }

    /**
     * An instant ({@code 2024-04-11T08:00:00Z}) or a date ({@code 2024-04-11}, UTC); a date as the upper
     * bound includes its whole day.
     */
    static Instant instant(String name, String value, boolean upperBound) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                return (upperBound ? date.plusDays(1) : date).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be a date (YYYY-MM-DD) or an ISO-8601 UTC timestamp");
        }
    }

    /** The yardstick a ranking orders by: {@code index} (the default) or {@code sheet}. */
    static boolean bySheet(String value) {
        if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("index")) {
            return false;
        }
        if (value.trim().equalsIgnoreCase("sheet")) {
            return true;
        }
        throw ProblemException.invalid("by", "must be index (the composite index) or sheet (the scoring-sheet score)");
    }
}
