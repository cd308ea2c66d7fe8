package io.rectify.notification.service;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.rectify.contracts.notification.WebhookSignature;
import io.rectify.notification.domain.Channel;
import io.rectify.notification.message.ReminderTexts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Sends a notification as an email over SMTP (Quarkus Mailer) with a plain-text and an HTML part, in the
 * recipient's language (Qute mail templates). Any SMTP trouble is retried.
 */
@ApplicationScoped
public class EmailChannel implements DeliveryChannel {

    @Inject
    Mailer mailer;

    @Inject
    ReminderTexts texts;

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public DeliveryOutcome send(DeliveryJob job) {
        ReminderTexts.Mail mail = texts.mail(job.reminder());
        return send(job.target(), mail, job.notificationId().toString());
    }

    /** One email (a reminder or a digest); {@code deliveryId} lets the receiver drop a repeated attempt. */
    public DeliveryOutcome send(String to, ReminderTexts.Mail mail, String deliveryId) {
        try {
            mailer.send(Mail.withText(to, mail.subject(), mail.text()).setHtml(mail.html())
                    .addHeader(WebhookSignature.DELIVERY_HEADER, deliveryId));
            return new DeliveryOutcome.Delivered(null, "accepted by the SMTP server");
        } catch (RuntimeException e) {
            return new DeliveryOutcome.Retryable(null, DeliveryOutcome.brief("SMTP: " + e.getMessage()));
        }
    }
}
