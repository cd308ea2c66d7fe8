package io.rectify.contracts.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * A recipient acknowledged a delivered notification: through the signed link in the message ({@code via}
 * {@code LINK}) or an authenticated call ({@code API}). {@code acknowledgedBy} is the recipient
 * ({@code <level>/<ref>}) for a link, the caller's subject for a call; {@code channel} is the channel the
 * acknowledged message went by.
 */
public record NotificationAcknowledged(
        UUID notificationId,
        UUID hazardId,
        String countyCode,
        String enterpriseCreditCode,
        String step,
        int sequence,
        String level,
        String channel,
        String acknowledgedBy,
        String via,
        Instant occurredAt) implements NotificationEvent {
}
