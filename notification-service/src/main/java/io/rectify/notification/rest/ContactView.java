package io.rectify.notification.rest;

import io.rectify.notification.domain.Contact;
import io.rectify.notification.domain.DeliveryMode;
import io.rectify.notification.domain.RecipientLevel;

import java.time.Instant;
import java.time.LocalTime;

/** A contact as served: the webhook secret is never shown, only whether one is set. */
public record ContactView(RecipientLevel level, String ref, String name, String email, String webhookUrl,
                          boolean webhookSecretSet, String phone, String locale, DeliveryMode delivery, LocalTime digestTime,
                          long version, Instant updatedAt) {

    static ContactView of(Contact c) {
        return new ContactView(c.level(), c.ref(), c.name, c.email, c.webhookUrl, c.webhookSecret != null, c.phone, c.locale,
                c.delivery, c.digestTime, c.version, c.updatedAt);
    }
}
