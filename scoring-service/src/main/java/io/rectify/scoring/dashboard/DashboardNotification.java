package io.rectify.scoring.dashboard;

import io.rectify.contracts.notification.ChaseClosed;
import io.rectify.contracts.notification.EscalationRaised;
import io.rectify.contracts.notification.NotificationAcknowledged;
import io.rectify.contracts.notification.NotificationEvent;
import io.rectify.contracts.notification.NotificationFailed;
import io.rectify.contracts.notification.ReminderSent;

import java.time.Instant;
import java.util.UUID;

/**
 * One event of {@code notification.events} as the dashboard shows it. The recipient (an e-mail address
 * or webhook URL) and a failure's detail text are left out on purpose: the dashboard feed needs no token,
 * so it carries nothing about people or endpoints (see the README).
 *
 * @param eventId the CloudEvents id: the page and the view de-duplicate on it
 * @param type    {@code ReminderSent}, {@code EscalationRaised}, {@code NotificationFailed}, {@code ChaseClosed} or
 *                {@code NotificationAcknowledged}
 * @param reason  {@code NO_CONTACT}/{@code DELIVERY_FAILED} for a failure, the closing reason of a chase, how an
 *                acknowledgement came ({@code LINK}/{@code API}; who acknowledged is left out like recipients)
 */
public record DashboardNotification(
        UUID eventId,
        String type,
        UUID hazardId,
        String countyCode,
        String enterpriseCreditCode,
        String grade,
        String step,
        String level,
        String channel,
        String reason,
        Instant dueAt,
        Instant occurredAt) {

    static DashboardNotification of(UUID eventId, NotificationEvent event) {
        // Java 17: no pattern matching for switch yet; the interface is sealed, so these five are all
        if (event instanceof ReminderSent r) {
            return new DashboardNotification(eventId, "ReminderSent", r.hazardId(), r.countyCode(), r.enterpriseCreditCode(),
                    r.grade(), r.step(), r.level(), r.channel(), null, r.dueAt(), r.occurredAt());
        }
        if (event instanceof EscalationRaised e) {
            return new DashboardNotification(eventId, "EscalationRaised", e.hazardId(), e.countyCode(), e.enterpriseCreditCode(),
                    e.grade(), e.step(), e.level(), e.channel(), null, e.dueAt(), e.occurredAt());
        }
        if (event instanceof NotificationFailed f) {
            return new DashboardNotification(eventId, "NotificationFailed", f.hazardId(), f.countyCode(), null, null, f.step(),
                    f.level(), f.channel(), f.reason(), null, f.occurredAt());
        }
        if (event instanceof NotificationAcknowledged a) {
            return new DashboardNotification(eventId, "NotificationAcknowledged", a.hazardId(), a.countyCode(), a.enterpriseCreditCode(),
                    null, a.step(), a.level(), a.channel(), a.via(), null, a.occurredAt());
        }
        ChaseClosed c = (ChaseClosed) event;
        return new DashboardNotification(eventId, "ChaseClosed", c.hazardId(), c.countyCode(), null, null, null, null, null,
                c.reason(), null, c.occurredAt());
    }
}
