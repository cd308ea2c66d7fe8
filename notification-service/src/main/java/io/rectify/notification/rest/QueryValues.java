package io.rectify.notification.rest;

import io.rectify.platform.problem.ProblemException;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Query parameters read by hand, so a bad value is a 422 naming the parameter rather than a bare 404 or a 500. */
final class QueryValues {

    private QueryValues() {
    }

    static String textOf(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static <E extends Enum<E>> E enumOf(String name, String value, Class<E> type, Function<String, Optional<E>> parser) {
        String text = textOf(value);
        if (text == null) {
            return null;
        }
        return parser.apply(text).orElseThrow(() -> ProblemException.invalid(name,
                "must be one of " + Arrays.toString(type.getEnumConstants())));
    }

    static <E extends Enum<E>> E enumOf(String name, String value, Class<E> type) {
        return enumOf(name, value, type, v -> Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equalsIgnoreCase(v)).findFirst());
    }

    static UUID uuidOf(String name, String value) {
        String text = textOf(value);
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "must be a UUID");
        }
    }

    static Boolean booleanOf(String name, String value) {
        String text = textOf(value);
        if (text == null) {
            return null;
        }
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw ProblemException.invalid(name, "must be true or false");
    }

    /** A path id that is not a UUID names nothing that exists. */
    static UUID pathId(String what, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound(what, value);
        }
    }
}
