package io.rectify.reliability;

/**
 * Which answers are acceptable in a phase of a scenario. Outside a fault only 201 is; while
 * PostgreSQL is down a proper 503 (problem+json, Retry-After) is too; while hazard-service itself is
 * killed a refused connection is. A timeout (a hang) and a 5xx other than a proper 503 never are.
 */
public record Expectation(boolean unavailableAllowed, boolean connectionFailureAllowed) {

    public static final Expectation ONLY_CREATED = new Expectation(false, false);
    public static final Expectation DATABASE_DOWN = new Expectation(true, false);
    public static final Expectation SERVICE_DOWN = new Expectation(false, true);

    /** Phase names by convention: what they allow is decided by these prefixes. */
    public static Expectation of(String phase) {
        if (phase.startsWith("pg-down") || phase.startsWith("pg-recovering")) {
            return DATABASE_DOWN;
        }
        if (phase.startsWith("hazard-service-down")) {
            return SERVICE_DOWN;
        }
        return ONLY_CREATED;
    }

    public boolean accepts(Attempt a) {
        if ((a.kind() == Attempt.Kind.TIMEOUT || a.kind() == Attempt.Kind.CONNECTION) && a.sentPhase().startsWith("hazard-service-down")) {
            return true;
        }
        return switch (a.kind()) {
            case CREATED -> true;
            case STATUS -> unavailableAllowed && a.isProperUnavailable();
            case TIMEOUT -> false;
            case CONNECTION -> connectionFailureAllowed;
        };
    }
}
