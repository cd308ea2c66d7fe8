package io.rectify.notification.config;

import io.rectify.notification.domain.ChasePolicy;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

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
    @WithDefault("PT1S")
    Duration sweepInterval();

    /** Chases claimed per sweep transaction. */
    @WithDefault("100")
    int sweepBatchSize();

    Delivery delivery();

    Links links();

    Acknowledgement acknowledgement();

    Sms sms();

    Digest digest();

    /** Where the links in a message point. */
    interface Links {
        /** The address recipients reach notification-service on: the acknowledgement link starts with it. */
        @WithDefault("http://127.0.0.1:8084")
        String publicUrl();

        /** The page to act on a hazard; {@code {id}} is replaced by the hazard id. */
        @WithDefault("http://127.0.0.1:8082/api/v1/hazards/{id}")
        String hazardUrl();
    }

    /** The signed acknowledgement link (HMAC-SHA256 over notification id and expiry). */
    interface Acknowledgement {
        /** The signing key: the same on every instance, kept secret (RECTIFY_ACK_KEY in production). */
        @WithDefault("dev-only-acknowledgement-key-change-me")
        String key();

        /** How long a link works after the message was sent. */
        @WithDefault("P14D")
        Duration validFor();
    }

    /** An HTTP SMS gateway of the shape most Chinese providers share: signature, template code, parameters. */
    interface Sms {
        /** The gateway's send endpoint; without it SMS contacts get their attempts refused. */
        Optional<String> url();

        @WithDefault("rectify")
        String accessKeyId();

        /** Signs each request (X-Sms-Signature: HMAC-SHA256 of the body); never logged. */
        @WithDefault("dev-only-sms-secret")
        String accessKeySecret();

        /** The approved signature shown in front of every message, e.g. 【应急管理】. */
        @WithDefault("应急管理")
        String signName();

        /** The provider's approved template the parameters are filled into. */
        @WithDefault("SMS_RECTIFY_REMINDER")
        String templateCode();
    }

    /** Daily digests. */
    interface Digest {
        /** How often the digest sweep looks for contacts whose digest time has come. */
        @WithDefault("PT1M")
        Duration sweepInterval();
    }

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

        /** Sends in flight at once, all delivery loops together (webhooks without blocking a thread; SMTP and SMS on a pool of 16). */
        @WithDefault("64")
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

        /**
         * An email the SMTP server has not accepted by then counts as a timeout (retried with the same
         * {@code X-Rectify-Delivery} id): a send stuck on a connection that never gets going must not hold a sender
         * and its batch until the lease runs out.
         */
        @WithDefault("PT10S")
        Duration emailTimeout();
    }

    default ChasePolicy policy() {
        return new ChasePolicy(dueSoonBefore(), repeatEvery(),
                new ChasePolicy.Escalation(general().escalateCityAfter(), general().escalateProvinceAfter()),
                new ChasePolicy.Escalation(major().escalateCityAfter(), major().escalateProvinceAfter()));
    }
}
