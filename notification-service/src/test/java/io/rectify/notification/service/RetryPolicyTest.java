package io.rectify.notification.service;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The retry rule on its own: plain JUnit, no Quarkus, no database. */
class RetryPolicyTest {

    /** The defaults of rectify.chasing.delivery: 10 s doubling up to 30 min, 6 attempts. */
    static final RetryPolicy DEFAULTS = new RetryPolicy(Duration.ofSeconds(10), Duration.ofMinutes(30), 6);

    @Test
    void theFirstFailureWaitsTheInitialBackoff() {
        assertThat(DEFAULTS.backoff(1)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void everyFurtherFailureDoublesTheWait() {
        assertThat(DEFAULTS.backoff(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(DEFAULTS.backoff(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(DEFAULTS.backoff(4)).isEqualTo(Duration.ofSeconds(80));
        assertThat(DEFAULTS.backoff(8)).isEqualTo(Duration.ofSeconds(1280));
    }

    @Test
    void theWaitIsCappedAtTheMaximum() {
        // 10 s × 2^7 = 1280 s < 1800 s; 10 s × 2^8 = 2560 s > 1800 s
        assertThat(DEFAULTS.backoff(9)).isEqualTo(Duration.ofMinutes(30));
        assertThat(DEFAULTS.backoff(20)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aDoublingThatLandsExactlyOnTheMaximumIsKept() {
        RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(8), 10);
        assertThat(policy.backoff(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(policy.backoff(5)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void aHugeAttemptNumberNeitherOverflowsNorExceedsTheMaximum() {
        assertThat(DEFAULTS.backoff(31)).isEqualTo(Duration.ofMinutes(30));
        assertThat(DEFAULTS.backoff(64)).isEqualTo(Duration.ofMinutes(30));
        assertThat(DEFAULTS.backoff(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void anInitialBackoffAboveTheMaximumIsCappedFromTheStart() {
        RetryPolicy policy = new RetryPolicy(Duration.ofHours(1), Duration.ofMinutes(30), 6);
        assertThat(policy.backoff(1)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void noJitter_theSameAttemptAlwaysWaitsTheSame() {
        assertThat(DEFAULTS.backoff(3)).isEqualTo(DEFAULTS.backoff(3));
    }

    @Test
    void retriesUntilTheLastAttempt() {
        assertThat(DEFAULTS.mayRetry(1)).isTrue();
        assertThat(DEFAULTS.mayRetry(5)).isTrue();
        assertThat(DEFAULTS.isLast(5)).isFalse();
        assertThat(DEFAULTS.mayRetry(6)).isFalse();
        assertThat(DEFAULTS.isLast(6)).isTrue();
        assertThat(DEFAULTS.isLast(7)).isTrue(); // a lease that ran out can make an attempt past the limit
    }

    @Test
    void oneAttemptMeansNoRetry() {
        RetryPolicy once = new RetryPolicy(Duration.ofSeconds(10), Duration.ofMinutes(30), 1);
        assertThat(once.mayRetry(1)).isFalse();
        assertThat(once.isLast(1)).isTrue();
    }
}
