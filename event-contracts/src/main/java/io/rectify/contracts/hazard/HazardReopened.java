package io.rectify.contracts.hazard;

import java.time.Instant;

/** A signed-off hazard recurred; counts as a repeat for scoring. */
public record HazardReopened(HazardSnapshot hazard, Actor actor, Instant occurredAt, String reason) implements HazardEvent {
}
