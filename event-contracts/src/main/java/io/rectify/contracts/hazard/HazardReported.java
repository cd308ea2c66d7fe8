package io.rectify.contracts.hazard;

import java.time.Instant;

/** A hazard was reported (self-check, regulator) or created from a confirmed finding. */
public record HazardReported(HazardSnapshot hazard, Actor actor, Instant occurredAt) implements HazardEvent {
}
