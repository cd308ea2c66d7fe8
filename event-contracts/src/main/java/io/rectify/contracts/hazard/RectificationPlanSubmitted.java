package io.rectify.contracts.hazard;

import java.time.Instant;

/** The five assurances were submitted; the hazard is now RECTIFYING. */
public record RectificationPlanSubmitted(HazardSnapshot hazard, Actor actor, Instant occurredAt, RectificationPlan plan) implements HazardEvent {
}
