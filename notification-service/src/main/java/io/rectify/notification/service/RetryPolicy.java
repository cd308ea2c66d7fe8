package io.rectify.notification.service;

import io.rectify.notification.config.ChasingConfig;

import java.time.Duration;

/**
 * When a failed delivery is tried again, and when it is given up: a pure rule, no clock and no state.
 * The wait doubles from {@code initialBackoff} with every failed attempt, capped at {@code maxBackoff}
 * (no jitter); a retryable failure of attempt {@code maxAttempts} or later is final (DELIVERY_FAILED).
 * Notifications ({@link DeliveryOutcomes}) and digests ({@link DailyDigests}) follow the same rule.
 *
 * @param initialBackoff the wait after the first failed attempt
 * @param maxBackoff     the longest wait
 * @param maxAttempts    attempts before a notification is given up
 */
public record RetryPolicy(Duration initialBackoff, Duration maxBackoff, int maxAttempts) {

    /** Doublings at most: 2^30 × any sensible initial wait is far past any cap, and the shift cannot overflow. */
    private static final int MAX_DOUBLINGS = 30;

    public static RetryPolicy of(ChasingConfig.Delivery delivery) {
        return new RetryPolicy(delivery.initialBackoff(), delivery.maxBackoff(), delivery.maxAttempts());
    }

    /** Whether a retryable failure of this attempt (counted from 1) may be tried again. */
    public boolean mayRetry(int failedAttempt) {
        return failedAttempt < maxAttempts;
    }

    /** Whether this attempt (counted from 1) is the last one: its failure is final whatever the kind. */
    public boolean isLast(int attempt) {
        return !mayRetry(attempt);
    }

    /**
     * The wait before the next attempt: initial, 2×initial, 4×initial, … capped at {@code maxBackoff};
     * attempt 1 failed → wait {@code initialBackoff}.
     */
    public Duration backoff(int failedAttempt) {
        Duration wait = initialBackoff.multipliedBy(1L << Math.min(failedAttempt - 1, MAX_DOUBLINGS));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
