package io.rectify.notification.domain;

/**
 * PENDING until delivered (SENT) or given up (FAILED). HELD: waiting for the recipient's daily digest.
 * SUPERSEDED: withdrawn before delivery because a later step of the chase was recorded or the chase paused,
 * was re-planned or closed ({@code supersededBy} says which). CANCELLED is what sign-off did before
 * SUPERSEDED existed; older rows may still carry it.
 */
public enum NotificationStatus {
    PENDING,
    HELD,
    SENT,
    FAILED,
    SUPERSEDED,
    CANCELLED
}
