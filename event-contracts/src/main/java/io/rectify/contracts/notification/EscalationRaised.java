package io.rectify.contracts.notification;

import java.time.Instant;
import java.util.UUID;

/** The chase of an overdue hazard went up the ladder to {@code level} ({@code CITY} or {@code PROVINCE}). */
public record EscalationRaised(
        UUID notificationId,
        UUID hazardId,
        String countyCode,
        String enterpriseCreditCode,
        String grade,
        String step,
        String level,
        String channel,
        String recipient,
        Instant dueAt,
        Instant occurredAt) implements NotificationEvent {
}
