package io.rectify.notification.service;

import io.rectify.contracts.notification.WebhookSignature;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.rectify.contracts.EventJson;
import io.rectify.contracts.hazard.HazardSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Sends a notification as a plain-text email over SMTP (Quarkus Mailer). Any SMTP trouble is retried. */
@ApplicationScoped
public class EmailChannel {

    @Inject
    Mailer mailer;

    public DeliveryOutcome send(DeliveryJob job) {
        try {
            mailer.send(Mail.withText(job.target(), subject(job), text(job))
                    .addHeader(WebhookSignature.DELIVERY_HEADER, job.notificationId().toString()));
            return new DeliveryOutcome.Delivered(null, "accepted by the SMTP server");
        } catch (RuntimeException e) {
            return new DeliveryOutcome.Retryable(null, DeliveryOutcome.brief("SMTP: " + e.getMessage()));
        }
    }

    static String subject(DeliveryJob job) {
        HazardSnapshot h = EventJson.read(job.hazardSnapshot(), HazardSnapshot.class);
        String what = switch (job.step()) {
            case DUE_SOON -> "rectification due soon";
            case OVERDUE -> "rectification overdue";
            case OVERDUE_REPEAT -> "rectification still overdue";
            case ESCALATE_CITY -> "overdue rectification escalated to the city";
            case ESCALATE_PROVINCE -> "overdue rectification escalated to the province";
        };
        return "[Rectify] " + job.step() + ": " + what + " - hazard " + h.id() + " (county " + h.countyCode() + ")";
    }

    static String text(DeliveryJob job) {
        HazardSnapshot h = EventJson.read(job.hazardSnapshot(), HazardSnapshot.class);
        return String.join("\n",
                "Hazard: " + h.id(),
                "Enterprise: " + h.enterpriseCreditCode(),
                "County: " + h.countyCode() + (h.city() == null ? "" : ", " + h.city()) + (h.province() == null ? "" : ", " + h.province()),
                "Grade: " + h.grade(),
                "Key task: " + h.keyTask(),
                "Description: " + h.description(),
                "Status: " + h.status(),
                "Due: " + job.dueAt(),
                "Step: " + job.step() + " #" + job.sequence() + " to " + job.level(),
                "Notification: " + job.notificationId(),
                "",
                "Acknowledge with POST /api/v1/notifications/" + job.notificationId() + "/ack");
    }
}
