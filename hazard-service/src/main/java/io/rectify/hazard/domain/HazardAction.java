package io.rectify.hazard.domain;

/** What a caller can do to a hazard; each maps to one endpoint and one event. */
public enum HazardAction {
    PLAN,
    SUBMIT_RECTIFICATION,
    VERIFY_ACCEPT,
    VERIFY_REJECT,
    SIGN_OFF,
    EXTEND_DEADLINE,
    REOPEN
}
