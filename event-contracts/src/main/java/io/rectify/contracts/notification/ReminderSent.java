package io.rectify.contracts.notification;

import java.time.Instant;
import java.util.UUID;

/** A reminder step ({@code DUE_SOON}, {@code OVERDUE}, {@code OVERDUE_REPEAT}) was delivered to one recipient level. */
public record ReminderSent(
        UUID notificationId,
        UUID hazardId,
        String countyCode,
        String enterpriseCreditCode,
        String grade,
        String step,
        int sequence,
        String level,
        String channel,
        String recipient,
        Instant dueAt,
        Instant occurredAt) implements NotificationEvent {
}
