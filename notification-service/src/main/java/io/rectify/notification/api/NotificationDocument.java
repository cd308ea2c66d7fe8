package io.rectify.notification.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.rectify.notification.domain.Channel;
import io.rectify.notification.domain.DeliveryAttempt;
import io.rectify.notification.domain.Notification;
import io.rectify.notification.domain.NotificationStatus;
import io.rectify.notification.domain.RecipientLevel;
import io.rectify.notification.domain.Step;
import io.rectify.notification.service.NotificationQueries;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What was sent, to whom, when, with what outcome — with every delivery attempt; what withdrew it
 * ({@code supersededBy}), the digest it went in, and how it was acknowledged ({@code LINK} or {@code API}).
 */
// the schema keeps the name it was published under (clients generate code from /q/openapi)
@Schema(name = "NotificationView")
public record NotificationDocument(UUID id, UUID hazardId, String countyCode, String enterpriseCreditCode, Step step, int sequence,
                                   RecipientLevel level, String recipientRef, Channel channel, String recipient, Instant dueAt,
                                   Instant stepAt, NotificationStatus status, String failureReason, String failureDetail,
                                   Instant createdAt, Instant sentAt, Instant acknowledgedAt, String acknowledgedBy,
                                   String acknowledgedVia, String supersededBy, Instant supersededAt, UUID digestId,
                                   List<Attempt> attempts) {

    public record Attempt(int attempt, Instant at, String outcome, Integer httpStatus, String detail) {
    }

    public static NotificationDocument of(NotificationQueries.WithAttempts w) {
        Notification n = w.notification();
        List<Attempt> attempts = w.attempts().stream().map(NotificationDocument::attempt).toList();
        return new NotificationDocument(n.id, n.hazardId, n.countyCode, n.enterpriseCreditCode, n.step, n.sequence, n.level, n.recipientRef,
                n.channel, n.recipient, n.dueAt, n.stepAt, n.status, n.failureReason, n.failureDetail, n.createdAt, n.sentAt,
                n.acknowledgedAt, n.acknowledgedBy, n.acknowledgedVia, n.supersededBy, n.supersededAt, n.digestId, attempts);
    }

    private static Attempt attempt(DeliveryAttempt a) {
        return new Attempt(a.attempt, a.attemptedAt, a.outcome, a.httpStatus, a.detail);
    }
}
