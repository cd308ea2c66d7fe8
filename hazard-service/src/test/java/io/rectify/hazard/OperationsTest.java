package io.rectify.hazard;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.rectify.contracts.CloudEvent;
import io.rectify.contracts.EventJson;
import io.rectify.contracts.Topics;
import io.rectify.contracts.inspection.CountyRegistered;
import io.rectify.hazard.support.HazardFixtures.Place;
import io.rectify.hazard.support.HazardTestBase;
import io.rectify.platform.testing.PrometheusScrape;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.rectify.hazard.support.HazardFixtures.HAZARDS;
import static io.rectify.hazard.support.HazardFixtures.admin;
import static io.rectify.hazard.support.HazardFixtures.given;
import static io.rectify.hazard.support.HazardFixtures.majorReport;
import static io.rectify.hazard.support.HazardFixtures.type;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operations on the real broker, in a profile of its own (fresh database, OpenTelemetry SDK on, spans
 * collected in memory): (1) a report made with a {@code traceparent} header yields a hazard.events record
 * carrying the same trace in {@code ce_traceparent}, with the request's and the relay's spans exported,
 * and an inspection event's {@code ce_traceparent} is continued by the consumer; (2) after the report and
 * the overdue sweep, {@code /q/metrics} counts the hazard open and overdue by grade and county, with no
 * outbox backlog and no consumer lag; (3) readiness reports the outbox backlog.
 */
@QuarkusTest
@TestProfile(OperationsTest.Traced.class)
class OperationsTest extends HazardTestBase {

    @Inject
    InMemorySpanExporter spans;

    public static class Traced implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.bsp.schedule.delay", "100ms");
        }
    }

    @Test
    void aReportIsTracedThroughTheOutboxAndCounted() {
        // the consumer's hop: an inspection event's trace is continued
        String registrationTrace = newTraceId();
        Place place = new Place("T" + UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase(), "City X", "Province X");
        publishTraced(new CountyRegistered(place.county(), "County " + place.county(), place.city(), place.province(), "LEAD", "KEY",
                Instant.now()), "CountyRegistered", "00-" + registrationTrace + "-00f067aa0ba902b7-01");
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                given(admin()).get("/api/v1/counties/" + place.county() + "/hazard-summary").statusCode() == 200);

        // the producer's hop: REST request -> outbox row -> relay -> hazard.events
        String traceId = newTraceId();
        String creditCode = newEnterprise(place); // reports name a registered enterprise
        Map<String, Object> report = majorReport(place, creditCode);
        report.remove("rectificationDays");
        report.put("dueAt", Instant.now().minus(2, ChronoUnit.HOURS).toString());
        String id = given(admin()).header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01").body(report)
                .post(HAZARDS).then().statusCode(201).extract().path("id");

        List<ConsumerRecord<String, String>> records = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> KAFKA.readAll(prefix + Topics.HAZARD_EVENTS, r -> id.equals(r.key())),
                        l -> l.stream().anyMatch(r -> "rectify.hazard.HazardOverdue.v1".equals(type(r))));
        ConsumerRecord<String, String> reported = records.stream().filter(r -> "rectify.hazard.HazardReported.v1".equals(type(r))).findFirst().orElseThrow();
        assertThat(header(reported, CloudEvent.H_TRACEPARENT)).startsWith("00-" + traceId + "-").endsWith("-01");

        List<SpanData> exported = Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(
                spans::getFinishedSpanItems, l -> l.stream().anyMatch(s -> s.getTraceId().equals(traceId) && s.getKind() == SpanKind.PRODUCER)
                        && l.stream().anyMatch(s -> s.getTraceId().equals(registrationTrace) && s.getKind() == SpanKind.CONSUMER));
        SpanData server = exported.stream().filter(s -> s.getTraceId().equals(traceId) && s.getKind() == SpanKind.SERVER).findFirst().orElseThrow();
        assertThat(server.getParentSpanId()).isEqualTo("b7ad6b7169203331");
        SpanData publish = exported.stream().filter(s -> s.getTraceId().equals(traceId) && s.getKind() == SpanKind.PRODUCER).findFirst().orElseThrow();
        assertThat(publish.getName()).isEqualTo("hazard.events publish");
        // the record carries the relay's span, so a consumer's span hangs below the publish
        assertThat(header(reported, CloudEvent.H_TRACEPARENT)).isEqualTo("00-" + traceId + "-" + publish.getSpanId() + "-01");
        assertThat(exported).filteredOn(s -> s.getTraceId().equals(registrationTrace))
                .anySatisfy(s -> assertThat(s.getName()).isEqualTo("inspection.events process"));

        // the numbers: one major hazard open and overdue in this county, nothing stuck
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            PrometheusScrape now = PrometheusScrape.now();
            assertThat(now.value("rectify_hazards_open", Map.of("grade", "MAJOR"))).isEqualTo(1.0);
            assertThat(now.value("rectify_hazards_open", Map.of("grade", "GENERAL"))).isZero();
            assertThat(now.value("rectify_hazards_overdue", Map.of("grade", "MAJOR"))).isEqualTo(1.0);
            assertThat(now.value("rectify_hazards_overdue_county", Map.of("grade", "MAJOR", "county", place.county()))).isEqualTo(1.0);
            assertThat(now.value("rectify_outbox_backlog", Map.of("service", "hazard-service"))).isZero();
            assertThat(now.value("rectify_consumer_lag", Map.of("group", "hazard-service", "topic", "inspection.events"))).isZero();
        });
        given(null).get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'outbox' }.data.backlog", org.hamcrest.Matchers.equalTo(0));
    }

    private void publishTraced(CountyRegistered event, String name, String traceparent) {
        CloudEvent ce = new CloudEvent(UUID.randomUUID(), CloudEvent.typeOf("inspection", name), "/inspection-service", event.aggregateId(), Instant.now());
        Map<String, String> headers = new HashMap<>();
        ce.headers().forEach((k, v) -> headers.put(k, new String(v, StandardCharsets.UTF_8)));
        headers.put(CloudEvent.H_TRACEPARENT, traceparent);
        KAFKA.publishRaw(prefix + Topics.INSPECTION_EVENTS, event.aggregateId(), EventJson.write(event), headers);
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static String newTraceId() {
        byte[] b = new byte[16];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1;
        return HexFormat.of().formatHex(b);
    }
}
