package io.rectify.notification.service;

import io.rectify.notification.domain.Channel;
import io.rectify.notification.domain.RecipientLevel;
import io.rectify.notification.domain.Step;
import io.rectify.notification.message.Reminder;

import java.time.Instant;
import java.util.UUID;

/**
 * One claimed delivery, detached from the database so it can be sent outside any transaction.
 *
 * @param attempt the attempt number this claim stands for
 * @param target  the email address or webhook URL from the contact as it is now; {@code null} when the
 *                contact no longer has this channel
 * @param secret  the webhook signing secret (never logged)
 * @param reminder what the message says, in the recipient's language
 * @param traceparent the trace the notification was recorded in; the delivery continues it
 */
public record DeliveryJob(
        UUID notificationId,
        int attempt,
        UUID hazardId,
        String countyCode,
        Step step,
        int sequence,
        RecipientLevel level,
        String recipientRef,
        Channel channel,
        Instant dueAt,
        String hazardSnapshot,
        String target,
        String secret,
        Reminder reminder,
        String traceparent) {

    @Override
    public String toString() {
        return "DeliveryJob[" + notificationId + " " + step + " " + level + "/" + channel + " attempt " + attempt + "]";
    }
}
