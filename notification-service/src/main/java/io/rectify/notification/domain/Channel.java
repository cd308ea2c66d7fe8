package io.rectify.notification.domain;

/** How a notification travels; NONE marks a notification that had no contact to go to. */
public enum Channel {
    EMAIL,
    WEBHOOK,
    NONE
}
