package io.rectify.hazard.rest;

import io.rectify.platform.problem.Problem;
import io.rectify.platform.problem.ProblemException;

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

    static String textOf(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static ProblemException malformed(String name, String message) {
        return new ProblemException(Problem.of(400, "malformed-request", "Malformed request", name + ": " + message)
                .withErrors(List.of(new Problem.FieldError(name, message))));
    }
}
