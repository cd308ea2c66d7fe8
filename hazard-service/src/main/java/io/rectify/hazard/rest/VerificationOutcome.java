package io.rectify.hazard.rest;

/** The verifier's decision on a rectification. */
public enum VerificationOutcome {
    ACCEPTED,
    REJECTED
}
