package io.rectify.notification.domain;

/** How a notification travels; NONE marks a notification that had no contact to go to. */
public enum Channel {
    EMAIL,
    WEBHOOK,
    SMS,
    NONE;

    /** Channels people read (a digest gathers these); a webhook feeds an agency's system and is never held. */
    public boolean read() {
        return this == EMAIL || this == SMS;
    }
}
