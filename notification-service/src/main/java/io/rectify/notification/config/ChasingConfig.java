package io.rectify.notification.config;

import io.rectify.notification.domain.ChasePolicy;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/**
 * The chasing policy and its machinery (chasing.md). Every duration is ISO-8601 ({@code P3D}, {@code PT30S}),
 * so a demo or a test runs the whole ladder in seconds.
 */
@ConfigMapping(prefix = "rectify.chasing")
public interface ChasingConfig {

    /** How long before the due date each DUE_SOON reminder goes out. */
    @WithDefault("P3D,P1D")
    List<Duration> dueSoonBefore();

    /** The cadence of OVERDUE_REPEAT while overdue. */
    @WithDefault("P3D")
    Duration repeatEvery();

    Escalation general();

    Escalation major();

    /** How often the sweep looks for due chases (read by the scheduler as {@code ${rectify.chasing.sweep-interval}}). */
    @WithDefault("PT10S")
    Duration sweepInterval();

    /** Chases claimed per sweep transaction. */
    @WithDefault("100")
    int sweepBatchSize();

    Delivery delivery();

    interface Escalation {
        Duration escalateCityAfter();

        Duration escalateProvinceAfter();
    }

    interface Delivery {
        /** How often the dispatcher looks for pending notifications. */
        @WithDefault("PT2S")
        Duration pollInterval();

        /** Notifications claimed per round; rounds follow each other until nothing is due. */
        @WithDefault("200")
        int batchSize();

        /** Sends in flight at once (webhook posts and SMTP sessions block, so they overlap on a pool). */
        @WithDefault("16")
        int concurrency();

        /** Claim-send-record loops at most running side by side while a backlog is due. */
        @WithDefault("4")
        int loops();

        /** Attempts before a notification is given up as DELIVERY_FAILED (chasing.md: at least 5). */
        @WithDefault("6")
        int maxAttempts();

        /** Wait before the second attempt; doubles with every further attempt. */
        @WithDefault("PT10S")
        Duration initialBackoff();

        @WithDefault("PT30M")
        Duration maxBackoff();

        /** A webhook that has not answered by then counts as a timeout (retried). */
        @WithDefault("PT10S")
        Duration webhookTimeout();
    }

    default ChasePolicy policy() {
        return new ChasePolicy(dueSoonBefore(), repeatEvery(),
                new ChasePolicy.Escalation(general().escalateCityAfter(), general().escalateProvinceAfter()),
                new ChasePolicy.Escalation(major().escalateCityAfter(), major().escalateProvinceAfter()));
    }
}
