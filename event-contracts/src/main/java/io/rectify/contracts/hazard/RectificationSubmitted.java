package io.rectify.contracts.hazard;

import java.time.Instant;

/** Rectification work and its evidence were submitted; the hazard waits for verification (the clock stops). */
public record RectificationSubmitted(HazardSnapshot hazard, Actor actor, Instant occurredAt, String description, java.util.List<io.rectify.contracts.inspection.Evidence> evidence) implements HazardEvent {
}
