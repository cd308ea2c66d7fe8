package io.rectify.contracts.notification;

import java.time.Instant;
import java.util.UUID;

/** A notification could not be delivered: {@code reason} is {@code NO_CONTACT} or {@code DELIVERY_FAILED}. */
public record NotificationFailed(
        UUID notificationId,
        UUID hazardId,
        String countyCode,
        String step,
        String level,
        String channel,
        String reason,
        String detail,
        Instant occurredAt) implements NotificationEvent {
}
