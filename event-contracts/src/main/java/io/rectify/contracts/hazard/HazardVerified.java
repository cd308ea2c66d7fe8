package io.rectify.contracts.hazard;

import java.time.Instant;

/** The verifier accepted the rectification. */
public record HazardVerified(HazardSnapshot hazard, Actor actor, Instant occurredAt, String comment) implements HazardEvent {
}
