package io.rectify.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

@ConfigMapping(prefix = "rectify.outbox")
public interface OutboxConfig {

    /** Whether this instance runs a relay (one relay per database publishes at a time anyway). */
    @WithDefault("true")
    boolean relayEnabled();

    /** How often the relay looks for rows when nobody woke it (a commit wakes it at once). */
    @WithDefault("500ms")
    Duration pollInterval();

    /**
     * How long the relay waits after a commit woke it before it reads: commits arriving meanwhile go in
     * the same round. Under a few hundred reports a second, one round per commit cost more (a transaction,
     * the lock, a select, an update) than the reports themselves.
     */
    @WithDefault("5ms")
    Duration linger();

    /** Rows read and published per round. */
    @WithDefault("500")
    int batchSize();

    /** Pause after a failed round (Kafka down), so the relay does not spin. */
    @WithDefault("2s")
    Duration failureBackoff();

    /** Published rows older than this are deleted by the housekeeping job. */
    @WithName("retention")
    @WithDefault("P7D")
    Duration retention();
}
