package io.rectify.contracts.hazard;

import java.time.Instant;

/** The hazard passed its due date in force while OPEN or RECTIFYING; emitted once per due date. */
public record HazardOverdue(HazardSnapshot hazard, Actor actor, Instant occurredAt, Instant dueAt) implements HazardEvent {
}
