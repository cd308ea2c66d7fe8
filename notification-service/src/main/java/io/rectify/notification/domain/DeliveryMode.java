package io.rectify.notification.domain;

import java.util.Arrays;
import java.util.Optional;

/** How a contact wants its reminders: each at once, or gathered into one daily digest at a local time. */
public enum DeliveryMode {
    IMMEDIATE,
    DAILY_DIGEST;

    public static Optional<DeliveryMode> parse(String value) {
        return Arrays.stream(values()).filter(m -> m.name().equalsIgnoreCase(value == null ? "" : value.trim())).findFirst();
    }
}
