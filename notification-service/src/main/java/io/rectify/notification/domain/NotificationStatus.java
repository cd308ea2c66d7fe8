package io.rectify.notification.domain;

/** PENDING until delivered (SENT) or given up (FAILED); CANCELLED when the hazard was signed off first. */
public enum NotificationStatus {
    PENDING,
    SENT,
    FAILED,
    CANCELLED
}
