package io.rectify.hazard.rest;

import io.rectify.platform.problem.Problem;
import io.rectify.platform.problem.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/**
 * Query parameters parsed by hand: JAX-RS answers a failed conversion with a bare 404, but a client
 * that sends {@code ?status=DONE} deserves a 400 naming the parameter and its allowed values.
 */
final class QueryValues {

    private QueryValues() {
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw malformed(name, "unknown value; one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    static Boolean booleanOf(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw malformed(name, "must be true or false");
        };
    }

    /**
     * A timestamp ({@code 2024-05-01T08:00:00Z}) or a date read in {@code zone}: as a lower bound the day's
     * start, as an exclusive upper bound ({@code endOfDay}) the next day's start, so the whole day is in.
     */
    static Instant instantOf(String name, String value, ZoneId zone, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw malformed(name, "must be a date (2024-05-01) or a timestamp with offset (2024-05-01T08:00:00Z)");
        }
    }

    static String textOf(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static ProblemException malformed(String name, String message) {
        return new ProblemException(Problem.of(400, "malformed-request", "Malformed request", name + ": " + message)
                .withErrors(List.of(new Problem.FieldError(name, message))));
    }
}
