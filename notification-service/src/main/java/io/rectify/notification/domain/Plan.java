package io.rectify.notification.domain;

import java.time.Instant;
import java.util.List;

/**
 * What the planner decided at one instant.
 *
 * @param stepsDueNow what to send now, in the order to record it
 * @param nextWakeUp  when the chase next needs looking at; {@code null} while it is not active
 * @param after       the chase's progress once these steps are recorded
 */
public record Plan(List<PlannedStep> stepsDueNow, Instant nextWakeUp, ChaseState after) {
}
