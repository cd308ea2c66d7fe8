package io.rectify.notification.service;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.rectify.contracts.notification.WebhookSignature;
import io.rectify.notification.config.ChasingConfig;
import io.rectify.notification.domain.Channel;
import io.rectify.notification.message.ReminderTexts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Sends a notification as an email over SMTP (Quarkus Mailer) with a plain-text and an HTML part, in the
 * recipient's language (Qute mail templates). Any SMTP trouble is retried, a send that has not finished
 * within {@code rectify.chasing.delivery.email-timeout} (10 s) too: an SMTP server that stops answering must not hold a sender (and the
 * claimed notifications of its batch) until the lease runs out. The repeat carries the same
 * {@code X-Rectify-Delivery} id, by which a receiver drops a mail it already has.
 */
@ApplicationScoped
public class EmailChannel implements DeliveryChannel {

    @Inject
    ReactiveMailer mailer;

    @Inject
    ChasingConfig config;

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
                    .addHeader(WebhookSignature.DELIVERY_HEADER, deliveryId)).await().atMost(config.delivery().emailTimeout());
            return new DeliveryOutcome.Delivered(null, "accepted by the SMTP server");
        } catch (RuntimeException e) {
            return new DeliveryOutcome.Retryable(null, DeliveryOutcome.brief("SMTP: " + e.getMessage()));
        }
    }
}
