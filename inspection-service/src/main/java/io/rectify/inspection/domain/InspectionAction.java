package io.rectify.inspection.domain;

/** What can be done to an inspection; the lifecycle decides in which status each is allowed. */
public enum InspectionAction {
    START("start"),
    CANCEL("cancel"),
    COMPLETE("complete"),
    RECORD_CONSENT("record-consent"),
    RECORD_FINDING("record-finding"),
    EDIT_FINDING("edit-finding"),
    WITHDRAW_FINDING("withdraw-finding");

    private final String label;

    InspectionAction(String label) {
        this.label = label;
    }

    /** The name clients see in a refused transition's {@code allowedActions}. */
    public String label() {
        return label;
    }
}
