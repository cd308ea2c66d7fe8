package io.rectify.notification.domain;

import java.time.Instant;
import java.util.List;

/**
 * One step the planner found due.
 *
 * @param sequence   which occurrence of the step for this due date (1-based); part of the notification key
 * @param at         the instant the step stands for (a coalesced repeat stands for the latest one missed)
 * @param recipients the levels it goes to, in order
 */
public record PlannedStep(Step step, int sequence, Instant at, List<RecipientLevel> recipients) {
}
