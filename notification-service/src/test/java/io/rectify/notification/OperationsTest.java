package io.rectify.notification;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.rectify.contracts.CloudEvent;
import io.rectify.contracts.EventJson;
import io.rectify.contracts.Topics;
import io.rectify.contracts.hazard.Actor;
import io.rectify.contracts.hazard.HazardReported;
import io.rectify.notification.service.ChaseSweep;
import io.rectify.notification.support.HazardStory;
import io.rectify.notification.support.RectifyTestResources;
import io.rectify.notification.support.WebhookReceiver;
import io.rectify.platform.testing.PrometheusScrape;
import io.rectify.platform.testing.TopicProbe;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.rectify.notification.support.NotificationFixtures.notifications;
import static io.rectify.notification.support.NotificationFixtures.putContact;
import static io.rectify.notification.support.NotificationFixtures.webhook;
import static io.rectify.notification.support.Waits.chaseAtVersion;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Operations on the real broker, in a profile of its own (fresh database, OpenTelemetry SDK on, spans
 * collected in memory): a major hazard reported in a trace is chased — overdue notices, escalation to the
 * city, a webhook delivered and one refused — and (1) every notification.events record of it carries that
 * trace in {@code ce_traceparent}, with a span exported for each hop (consumer, chase steps, deliveries,
 * relay); (2) {@code /q/metrics} shows the chase at CITY and the deliveries by channel and outcome;
 * (3) readiness reports the outbox backlog, liveness checks neither database nor broker.
 */
@QuarkusTest
@TestProfile(OperationsTest.Traced.class)
@WithTestResource(RectifyTestResources.class)
class OperationsTest {

    static final WebhookReceiver RECEIVER = new WebhookReceiver();

    @Inject
    ChaseSweep sweep;

    @Inject
    InMemorySpanExporter spans;

    @ConfigProperty(name = "rectify.kafka.topic-prefix")
    String prefix;

    public static class Traced implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.bsp.schedule.delay", "100ms");
        }
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @Test
    void aReportedHazardIsFollowedThroughChaseAndDeliveriesInOneTraceAndCounted() {
        PrometheusScrape before = PrometheusScrape.now();
        HazardStory.Place place = HazardStory.Place.fresh();
        String county = "/county/" + System.nanoTime();
        String city = "/city/" + System.nanoTime();
        RECEIVER.always(city, 410); // the city's endpoint refuses: failed at once, not retried
        putContact("COUNTY", place.countyCode(), webhook("County office", RECEIVER.url(county), "county-secret-0123456789"));
        putContact("CITY", place.city(), webhook("City office", RECEIVER.url(city), "city-secret-0123456789"));
        // the enterprise has no contact: its overdue notice fails as NO_CONTACT

        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";
        Instant due = Instant.now().plus(Duration.ofDays(1));
        HazardStory hazard = new HazardStory(prefix, place, "MAJOR", due);
        publishReported(hazard, traceparent);
        chaseAtVersion(hazard.id, 0);

        sweep.sweep(due.plusSeconds(3)); // overdue (enterprise, county) and, 2 s on, escalated to the city
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                notifications(hazard.id).stream().noneMatch(n -> "PENDING".equals(n.get("status"))));

        // (1) one trace: every notification.events record of the hazard continues the report's trace
        List<ConsumerRecord<String, String>> events = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> new TopicProbe(RectifyTestResources.BOOTSTRAP).readAll(prefix + Topics.NOTIFICATION_EVENTS).stream()
                        .filter(r -> r.value().contains(hazard.id.toString())).toList(), l -> types(l).containsAll(
                        List.of("ReminderSent", "EscalationRaised", "NotificationFailed")));
        assertThat(events).allSatisfy(r -> assertThat(traceIdOf(header(r, CloudEvent.H_TRACEPARENT))).isEqualTo(traceId));

        List<SpanData> trace = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() ->
                spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId)).toList(), l -> names(l).containsAll(List.of(
                "hazard.events process", "chase OVERDUE", "chase ESCALATE_CITY", "deliver WEBHOOK", "notification.events publish")));
        assertThat(trace).filteredOn(s -> s.getName().equals("hazard.events process")).singleElement()
                .satisfies(s -> assertThat(s.getKind()).isEqualTo(SpanKind.CONSUMER))
                .satisfies(s -> assertThat(s.getParentSpanId()).isEqualTo(traceparent.substring(36, 52)));
        assertThat(trace).filteredOn(s -> s.getName().equals("deliver WEBHOOK")).hasSize(2);
        assertThat(RECEIVER.received(county)).singleElement().satisfies(r -> assertThat(r.answeredWith()).isEqualTo(200));

        // (2) the numbers a supervisor asks about
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            PrometheusScrape now = PrometheusScrape.now();
            assertThat(now.value("rectify_chases_active", Map.of("grade", "MAJOR", "level", "CITY"))).isEqualTo(1.0);
            assertThat(delta(before, now, "WEBHOOK", "sent")).isEqualTo(1.0);
            assertThat(delta(before, now, "WEBHOOK", "failed")).isEqualTo(1.0);
            assertThat(delta(before, now, "NONE", "failed")).isEqualTo(1.0);
            assertThat(delta(before, now, "WEBHOOK", "retried")).isZero();
            assertThat(now.value("rectify_outbox_backlog", Map.of("service", "notification-service"))).isZero();
            assertThat(now.value("rectify_outbox_oldest_age_seconds", Map.of("service", "notification-service"))).isZero();
            assertThat(now.value("rectify_consumer_lag", Map.of("group", "notification-service", "topic", "hazard.events"))).isZero();
        });

        // (3) readiness reports the backlog; liveness asks neither the database nor the broker
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'outbox' }.data.backlog", org.hamcrest.Matchers.equalTo(0));
        String live = given().get("/q/health/live").then().statusCode(200).extract().asString();
        assertThat(live).doesNotContainIgnoringCase("database").doesNotContain("\"kafka\"").doesNotContain("outbox");
    }

    private void publishReported(HazardStory hazard, String traceparent) {
        HazardReported payload = new HazardReported(hazard.snapshot(), Actor.SYSTEM, Instant.now());
        CloudEvent ce = new CloudEvent(UUID.randomUUID(), payload.cloudEventType(), "/hazard-service", hazard.id.toString(), Instant.now());
        Map<String, String> headers = new HashMap<>();
        ce.headers().forEach((k, v) -> headers.put(k, new String(v, StandardCharsets.UTF_8)));
        headers.put(CloudEvent.H_TRACEPARENT, traceparent);
        new TopicProbe(RectifyTestResources.BOOTSTRAP).publishRaw(prefix + Topics.HAZARD_EVENTS, hazard.id.toString(), EventJson.write(payload), headers);
    }

    private static double delta(PrometheusScrape before, PrometheusScrape now, String channel, String outcome) {
        Map<String, String> labels = Map.of("channel", channel, "outcome", outcome);
        return now.valueOrZero("rectify_notification_deliveries_total", labels) - before.valueOrZero("rectify_notification_deliveries_total", labels);
    }

    private static List<String> types(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> CloudEvent.nameOf(header(r, CloudEvent.H_TYPE))).toList();
    }

    private static List<String> names(List<SpanData> spans) {
        return spans.stream().map(SpanData::getName).toList();
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static String traceIdOf(String traceparent) {
        return traceparent == null ? null : traceparent.split("-")[1];
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1; // never all zero (an invalid id)
        return b;
    }
}
