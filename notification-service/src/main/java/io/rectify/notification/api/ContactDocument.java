package io.rectify.notification.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.rectify.notification.domain.Contact;
import io.rectify.notification.domain.DeliveryMode;
import io.rectify.notification.domain.RecipientLevel;

import java.time.Instant;
import java.time.LocalTime;

/** A contact as served: the webhook secret is never shown, only whether one is set. */
// the schema keeps the name it was published under (clients generate code from /q/openapi)
@Schema(name = "ContactView")
public record ContactDocument(RecipientLevel level, String ref, String name, String email, String webhookUrl,
                              boolean webhookSecretSet, String phone, String locale, DeliveryMode delivery, LocalTime digestTime,
                              long version, Instant updatedAt) {

    public static ContactDocument of(Contact c) {
        return new ContactDocument(c.level(), c.ref(), c.name, c.email, c.webhookUrl, c.webhookSecret != null, c.phone, c.locale,
                c.delivery, c.digestTime, c.version, c.updatedAt);
    }
}
