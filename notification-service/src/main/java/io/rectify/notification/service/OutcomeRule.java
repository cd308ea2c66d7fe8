package io.rectify.notification.service;

import io.rectify.notification.domain.NotificationStatus;

import java.util.EnumSet;
import java.util.Set;

/**
 * What the outcome of one send does to its notification, which may have moved on while the send was in
 * flight: withdrawn (SUPERSEDED), claimed again by another instance after this claim's lease ran out (a
 * later attempt), or given up. A pure rule; {@link DeliveryOutcomes} applies it.
 * <p>
 * A send that landed always counts, whatever the attempt: the recipient has the message, so a notification
 * that was still waiting or had been withdrawn meanwhile becomes SENT (with two replicas, an attempt whose
 * lease ran out under load landed after the notification was superseded, and the record said it was never
 * sent). A send that failed only decides the notification's fate if it is still the current attempt of a
 * PENDING notification.
 */
public final class OutcomeRule {

    /** What happens to the notification; the attempt row is written in every case. */
    public enum Effect {
        /** SENT now (a reminder step announces it with {@code ReminderSent}). */
        SENT,
        /** Tried again after the retry policy's backoff. */
        RETRY_LATER,
        /** Given up: FAILED with {@code NotificationFailed}. */
        FAILED,
        /** Only the attempt is recorded: the notification is already settled or another attempt owns it. */
        ATTEMPT_ONLY
    }

    /** The states a landed send turns into SENT: nothing else of the notification has been told or sent. */
    private static final Set<NotificationStatus> NOT_YET_SENT = EnumSet.of(NotificationStatus.PENDING, NotificationStatus.HELD,
            NotificationStatus.SUPERSEDED);

    private OutcomeRule() {
    }

    /**
     * @param status         the notification's status when the outcome is recorded
     * @param currentAttempt the last attempt claimed (the notification's attempt count)
     * @param attempt        the attempt this outcome belongs to
     * @param landed         the recipient accepted the message
     * @param mayRetry       the failure is retryable and this attempt is not the last one
     */
    public static Effect effect(NotificationStatus status, int currentAttempt, int attempt, boolean landed, boolean mayRetry) {
        if (landed) {
            return NOT_YET_SENT.contains(status) ? Effect.SENT : Effect.ATTEMPT_ONLY;
        }
        if (status != NotificationStatus.PENDING || currentAttempt != attempt) {
            return Effect.ATTEMPT_ONLY;
        }
        return mayRetry ? Effect.RETRY_LATER : Effect.FAILED;
    }
}
