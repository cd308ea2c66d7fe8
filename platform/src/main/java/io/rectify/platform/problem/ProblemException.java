package io.rectify.platform.problem;

import java.util.List;

/** Thrown by services for an expected refusal; becomes its problem+json answer. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", what + " " + id + " does not exist or is outside your scope"));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "forbidden", "Forbidden", detail));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "conflict", "Conflict", detail));
    }

    /** An out-of-order transition: names the current status and what may be done from it. */
    public static ProblemException transitionRefused(String action, String currentStatus, List<String> allowedActions) {
        return new ProblemException(Problem.of(409, "transition-refused", "Transition not allowed",
                        "'" + action + "' is not allowed while the status is " + currentStatus)
                .with("currentStatus", currentStatus)
                .with("allowedActions", allowedActions));
    }

    /** A request that is well-formed but breaks a rule, naming each offending field. */
    public static ProblemException invalid(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(Problem.of(422, "validation", "Validation failed", detail).withErrors(errors));
    }

    /** A 422 naming each offending field; the detail joins them ("field: message; field: message"). */
    public static ProblemException invalid(List<Problem.FieldError> errors) {
        return invalid(String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList()), errors);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(field + ": " + message, List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException staleVersion(long current) {
        return new ProblemException(Problem.of(412, "stale-version", "Precondition failed",
                "the resource changed; its current version is " + current).with("currentVersion", current));
    }
}
