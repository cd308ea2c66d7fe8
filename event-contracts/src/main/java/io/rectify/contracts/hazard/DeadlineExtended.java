package io.rectify.contracts.hazard;

import java.time.Instant;

/** A regulator moved the due date (at most twice per hazard). */
public record DeadlineExtended(HazardSnapshot hazard, Actor actor, Instant occurredAt, Instant previousDueAt, Instant newDueAt, String reason) implements HazardEvent {
}
