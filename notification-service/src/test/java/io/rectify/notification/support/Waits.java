package io.rectify.notification.support;

import io.restassured.path.json.JsonPath;

import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Waiting for the consumer to have applied a hazard's events. */
public final class Waits {

    private Waits() {
    }

    /** Until the chase of {@code hazardId} reflects at least snapshot {@code version}; returns it. */
    public static JsonPath chaseAtVersion(UUID hazardId, long version) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> NotificationFixtures.chase(hazardId), c -> c != null && c.getLong("snapshotVersion") >= version);
    }
}
