package io.rectify.contracts.notification;

import java.time.Instant;
import java.util.UUID;

/** The hazard was signed off: its chase is closed and nothing more is sent. */
public record ChaseClosed(
        UUID hazardId,
        String countyCode,
        String reason,
        Instant occurredAt) implements NotificationEvent {
}
