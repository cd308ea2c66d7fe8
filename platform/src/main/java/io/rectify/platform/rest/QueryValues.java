package io.rectify.platform.rest;

import io.rectify.platform.problem.ProblemException;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/**
 * The one way every service reads its query parameters (docs/engineering.md "Input vocabulary").
 * Resources take query parameters as {@code String} and convert them here, because JAX-RS answers a
 * failed conversion with a bare 404 and an out-of-range {@code int} never reaches validation.
 * <ul>
 *   <li>an absent or blank value is "not given": {@code null}, or the fallback;</li>
 *   <li>values are trimmed; enum names and booleans match ignoring case ({@code ?status=open} is OPEN);</li>
 *   <li>a value that cannot be read is a <b>422 validation</b> problem naming the parameter and what it
 *       must be — the same answer Bean Validation gives for a body field or for paging.</li>
 * </ul>
 */
public final class QueryValues {

    private QueryValues() {
    }

    /** Trimmed text, or null when absent or blank. */
    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** An enum constant by name, ignoring case; null when absent. */
    public static <E extends Enum<E>> E enumOf(String name, String value, Class<E> type) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        throw ProblemException.invalid(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
    }

    /** {@code true} or {@code false}, ignoring case; null when absent. */
    public static Boolean bool(String name, String value) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ProblemException.invalid(name, "must be true or false");
        };
    }

    public static UUID uuid(String name, String value) {
        return parsed(name, value, UUID::fromString, "must be a UUID");
    }

    /**
     * A whole number in {@code [min, max]}, or the fallback when absent. Anything else — not a number,
     * a fraction, an exponent, past the range of a long — is refused with the bounds in the message.
     */
    public static Integer integer(String name, String value, int min, int max, Integer fallback) {
        String text = text(value);
        if (text == null) {
            return fallback;
        }
        long parsed;
        try {
            parsed = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw outOfRange(name, min, max);
        }
        if (parsed < min || parsed > max) {
            throw outOfRange(name, min, max);
        }
        return (int) parsed;
    }

    /** An ISO date ({@code 2024-04-11}); null when absent. */
    public static LocalDate date(String name, String value) {
        return parsed(name, value, LocalDate::parse, "must be a date YYYY-MM-DD");
    }

    /**
     * An instant ({@code 2024-04-11T08:00:00Z}) or a date ({@code 2024-04-11}, UTC); a date as the upper
     * bound of a window includes its whole day. Null when absent.
     */
    public static Instant instant(String name, String value, boolean upperBound) {
        return parsed(name, value, text -> {
            if (text.length() == 10) {
                LocalDate date = LocalDate.parse(text);
                return (upperBound ? date.plusDays(1) : date).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return Instant.parse(text);
        }, "must be a date (YYYY-MM-DD) or an ISO-8601 UTC timestamp");
    }

    /** A path id that is not a UUID names nothing that exists: 404, as for an unknown id. */
    public static UUID pathId(String what, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.notFound(what, value);
        }
    }

    /** Trimmed text through {@code parser}; null when absent; a value the parser refuses is a 422 stating the rule. */
    private static <T> T parsed(String name, String value, Function<String, T> parser, String rule) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw ProblemException.invalid(name, rule);
        }
    }

    private static ProblemException outOfRange(String name, int min, int max) {
        return ProblemException.invalid(name, "must be a whole number between " + min + " and " + max);
    }
}
