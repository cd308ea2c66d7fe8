package io.rectify.notification;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectify.contracts.CloudEvent;
import io.rectify.contracts.EventJson;
import io.rectify.contracts.Topics;
import io.rectify.contracts.notification.NotificationFailed;
import io.rectify.notification.service.ChaseSweep;
import io.rectify.contracts.notification.WebhookSignature;
import io.rectify.notification.support.HazardStory;
import io.rectify.notification.support.RectifyTestResources;
import io.rectify.notification.support.WebhookReceiver;
import io.rectify.platform.testing.TopicProbe;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.rectify.notification.support.NotificationFixtures.notifications;
import static io.rectify.notification.support.NotificationFixtures.putContact;
import static io.rectify.notification.support.NotificationFixtures.webhook;
import static io.rectify.notification.support.Waits.chaseAtVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhook delivery against a real HTTP receiver: retried with backoff on 5xx, not on 4xx, given up after
 * the configured attempts (5 in tests) as DELIVERY_FAILED; every attempt is served.
 */
@QuarkusTest
@WithTestResource(RectifyTestResources.class)
class DeliveryTest {

    static final WebhookReceiver RECEIVER = new WebhookReceiver();
    static final String SECRET = "agency-secret-0123456789";

    @Inject
    ChaseSweep sweep;

    @ConfigProperty(name = "rectify.kafka.topic-prefix")
    String prefix;

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    /** A hazard made overdue whose county contact is a webhook at {@code path}; returns the county notification once settled. */
    private Map<String, Object> countyNotificationOf(String path) {
        HazardStory.Place place = HazardStory.Place.fresh();
        putContact("COUNTY", place.countyCode(), webhook("County office", RECEIVER.url(path), SECRET));
        Instant due = Instant.now().plus(Duration.ofDays(1));
        HazardStory hazard = new HazardStory(prefix, place, "GENERAL", due).reported();
        chaseAtVersion(hazard.id, 1);
        sweep.sweep(due.plusSeconds(1));
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> county(notifications(hazard.id)), n -> n.isPresent() && !"PENDING".equals(n.get().get("status"))).get();
    }

    private static Optional<Map<String, Object>> county(List<Map<String, Object>> all) {
        return all.stream().filter(n -> "COUNTY".equals(n.get("level"))).findFirst();
    }

    @Test
    void aWebhookAnswering503IsRetriedAndDeliveredWithAValidSignatureEachTime() {
        String path = "/flaky/" + System.nanoTime();
        RECEIVER.script(path, 503);
        Map<String, Object> n = countyNotificationOf(path);

        assertThat(n.get("status")).isEqualTo("SENT");
        List<Map<String, Object>> attempts = attempts(n);
        assertThat(attempts).extracting(a -> a.get("outcome")).containsExactly("RETRY", "DELIVERED");
        assertThat(attempts).extracting(a -> a.get("httpStatus")).containsExactly(503, 200);
        var received = RECEIVER.received(path);
        assertThat(received).hasSize(2);
        assertThat(received).allSatisfy(r -> {
            assertThat(r.delivery()).isEqualTo(n.get("id"));
            assertThat(WebhookSignature.verify(r.body(), r.signature(), SECRET)).isTrue();
        });
        // both attempts form the notification's hash chain (audit trail of deliveries)
        io.restassured.RestAssured.given().header("Authorization", io.rectify.notification.support.NotificationFixtures.ADMIN)
                .get("/api/v1/audit/trails/delivery_attempt/{id}/verification", n.get("id")).then().statusCode(200)
                .body("intact", org.hamcrest.Matchers.equalTo(true)).body("entries", org.hamcrest.Matchers.equalTo(2));
    }

    @Test
    void aWebhookAnswering4xxIsNotRetriedAndTheFailureIsPublished() {
        String path = "/refuses/" + System.nanoTime();
        RECEIVER.always(path, 400);
        Map<String, Object> n = countyNotificationOf(path);

        assertThat(n.get("status")).isEqualTo("FAILED");
        assertThat(n.get("failureReason")).isEqualTo("DELIVERY_FAILED");
        assertThat(attempts(n)).extracting(a -> a.get("httpStatus")).containsExactly(400);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> RECEIVER.received(path).size() == 1);

        TopicProbe probe = new TopicProbe(RectifyTestResources.BOOTSTRAP);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                probe.readAll(prefix + Topics.NOTIFICATION_EVENTS, r -> "NotificationFailed".equals(CloudEvent.nameOf(TopicProbe.header(r, CloudEvent.H_TYPE))))
                        .stream().map(r -> EventJson.read(r.value(), NotificationFailed.class))
                        .filter(f -> f.notificationId().toString().equals(n.get("id"))).toList())
                .singleElement().satisfies(f -> {
                    assertThat(f.reason()).isEqualTo("DELIVERY_FAILED");
                    assertThat(f.channel()).isEqualTo("WEBHOOK");
                    assertThat(f.level()).isEqualTo("COUNTY");
                }));
    }

    @Test
    void aWebhookThatStaysDownIsGivenUpAfterFiveAttemptsWithGrowingPauses() {
        String path = "/down/" + System.nanoTime();
        RECEIVER.always(path, 503);
        Map<String, Object> n = countyNotificationOf(path);

        assertThat(n.get("status")).isEqualTo("FAILED");
        assertThat(n.get("failureReason")).isEqualTo("DELIVERY_FAILED");
        List<Map<String, Object>> attempts = attempts(n);
        assertThat(attempts).extracting(a -> a.get("outcome")).containsExactly("RETRY", "RETRY", "RETRY", "RETRY", "FAILED");
        assertThat(RECEIVER.received(path)).hasSize(5);
        List<Instant> at = attempts.stream().map(a -> Instant.parse((String) a.get("at"))).toList();
        for (int i = 1; i < at.size(); i++) {
            assertThat(Duration.between(at.get(i - 1), at.get(i))).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> attempts(Map<String, Object> notification) {
        return (List<Map<String, Object>>) notification.get("attempts");
    }
}
