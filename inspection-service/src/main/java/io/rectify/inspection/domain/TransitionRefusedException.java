package io.rectify.inspection.domain;

import java.util.List;

/**
 * The lifecycle refuses {@code action} while the inspection is {@code current}; {@code allowedActions}
 * are the labels of what it allows there. A domain decision: the service answers it (a 409
 * transition-refused problem), the domain knows no HTTP.
 */
public class TransitionRefusedException extends RuntimeException {

    private final InspectionAction action;
    private final InspectionStatus current;
    private final transient List<String> allowedActions;

    public TransitionRefusedException(InspectionAction action, InspectionStatus current, List<String> allowedActions) {
        super("'" + action.label() + "' is not allowed while the status is " + current.name(), null, false, false);
        this.action = action;
        this.current = current;
        this.allowedActions = List.copyOf(allowedActions);
    }

    public InspectionAction action() {
        return action;
    }

    public InspectionStatus current() {
        return current;
    }

    public List<String> allowedActions() {
        return allowedActions;
    }
}
