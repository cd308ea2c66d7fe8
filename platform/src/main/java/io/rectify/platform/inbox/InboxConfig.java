package io.rectify.platform.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How {@link EventConsumer#process} waits out a database outage instead of dead-lettering valid records. */
@ConfigMapping(prefix = "rectify.inbox")
public interface InboxConfig {

    /** First pause before trying a record again after a transient database failure; doubles each time. */
    @WithDefault("500ms")
    Duration retryBackoff();

    /**
     * Each pause is moved by a random amount up to this, either way, so consumers that lost the database
     * together do not all come back in the same millisecond.
     */
    @WithDefault("200ms")
    Duration retryJitter();

    /** Longest pause between two tries. */
    @WithDefault("5s")
    Duration retryMaxBackoff();

    /**
     * How long one record is retried before it is dead-lettered after all (counted like any other):
     * long enough for a restart or fail-over of the database, short enough that a record does not
     * block its partition forever.
     */
    @WithDefault("10m")
    Duration retryLimit();
}
