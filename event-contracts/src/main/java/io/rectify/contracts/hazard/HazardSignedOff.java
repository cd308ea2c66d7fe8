package io.rectify.contracts.hazard;

import java.time.Instant;

/** Signed off (销号): the hazard is closed. */
public record HazardSignedOff(HazardSnapshot hazard, Actor actor, Instant occurredAt, String comment) implements HazardEvent {
}
