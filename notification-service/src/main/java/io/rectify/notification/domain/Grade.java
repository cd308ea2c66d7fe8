package io.rectify.notification.domain;

/** Hazard grade; MAJOR hazards escalate sooner. */
public enum Grade {
    GENERAL,
    MAJOR;

    /** Anything but MAJOR is chased as GENERAL, so an unexpected value never stops a chase. */
    public static Grade of(String value) {
        return "MAJOR".equals(value) ? MAJOR : GENERAL;
    }
}
