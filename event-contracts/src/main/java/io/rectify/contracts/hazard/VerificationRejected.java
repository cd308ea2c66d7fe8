package io.rectify.contracts.hazard;

import java.time.Instant;

/** The verifier rejected the rectification; back to RECTIFYING (the clock restarts). */
public record VerificationRejected(HazardSnapshot hazard, Actor actor, Instant occurredAt, String reason) implements HazardEvent {
}
