package io.rectify.hazard.api;

/** The verifier's decision on a rectification. */
public enum VerificationOutcome {
    ACCEPTED,
    REJECTED
}
