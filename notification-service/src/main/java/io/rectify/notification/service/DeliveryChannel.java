package io.rectify.notification.service;

import io.rectify.notification.domain.Channel;

/**
 * One way a notification travels (email, webhook, SMS). The dispatcher claims, retries, withdraws and
 * records the same way for all of them; a channel only sends one attempt and says how it went.
 */
public interface DeliveryChannel {

    Channel channel();

    /** Sends one attempt; never throws for a delivery problem (that is a {@link DeliveryOutcome}). */
    DeliveryOutcome send(DeliveryJob job);
}
