package io.rectify.scoring.dashboard;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectify.contracts.CloudEvent;
import io.rectify.contracts.EventJson;
import io.rectify.contracts.EventPayload;
import io.rectify.contracts.Topics;
import io.rectify.contracts.notification.EscalationRaised;
import io.rectify.contracts.notification.NotificationAcknowledged;
import io.rectify.contracts.scoring.CountyIndexDocument;
import io.rectify.scoring.support.CountyStory;
import io.rectify.scoring.support.ScoringTestBase;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operators' dashboard on the real broker and database: records published on this run's
 * {@code county.index} and {@code notification.events} reach an open page's stream; a real overdue
 * major hazard goes hazard.events → facts → county.index → the stream; poison is skipped.
 */
@QuarkusTest
class DashboardTest extends ScoringTestBase {

    /** Any reference that leaves this origin: an absolute or protocol-relative URL in src/href/url()/import. */
    private static final Pattern EXTERNAL = Pattern.compile("(?i)(?:src|href|action)\\s*=\\s*[\"']?\\s*(?:[a-z][a-z0-9+.-]*:)?//"
            + "|url\\(\\s*[\"']?\\s*(?:[a-z]+:)?//|@import|https?://");

    @TestHTTPResource("/dashboard/stream")
    URL streamUrl;

    @Test
    void thePageNeedsNoTokenAndLoadsNothingFromAnotherHost() {
        Response page = given().get("/dashboard");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'").contains("connect-src 'self'");
        String html = page.asString();
        assertThat(html).contains("县域排名", "County ranking", "/dashboard/dashboard.js", "/dashboard/dashboard.css");
        assertNoExternalReference("/dashboard", html);
        for (String asset : List.of("/dashboard/dashboard.js", "/dashboard/dashboard.css")) {
            Response r = given().get(asset);
            assertThat(r.statusCode()).as(asset).isEqualTo(200);
            assertNoExternalReference(asset, r.asString());
        }
        assertThat(given().get("/dashboard/dashboard.exe").statusCode()).isEqualTo(404);
        // the page is open, the API is not
        given().get("/api/v1/rankings").then().statusCode(401);
    }

    @Test
    void theStreamShowsWhatArrivesOnCountyIndexAndNotificationEvents() throws Exception {
        String county = "TD" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        try (SseListener page = new SseListener(streamUrl.toURI())) {
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.contentType()).startsWith("text/event-stream");
            await().atMost(Duration.ofSeconds(10)).until(() -> !page.events().isEmpty());
            assertThat(page.events().get(0).name()).isEqualTo("snapshot");

            // poison first, under the key of the record that follows: same partition, so the good one proves the feed went on
            String indexTopic = prefix + Topics.COUNTY_INDEX;
            upstream.probe().publishRaw(indexTopic, county, "not json at all", Map.of());
            upstream.probe().publishRaw(indexTopic, county, "{\"countyCode\": [", ceHeaders("rectify.scoring.CountyIndexChanged.v1", county));
            publish(indexTopic, indexDocument(county, "87.5", true));
            await().atMost(Duration.ofSeconds(30)).until(() -> page.find("index", d -> d.contains(county)) != null);
            DashboardCounty shown = EventJson.read(page.find("index", d -> d.contains(county)).data(), DashboardCounty.class);
            assertThat(shown.index()).isEqualByComparingTo("87.5");
            assertThat(shown.demonstrationEligible()).isTrue();
            assertThat(shown.document().indicators()).extracting(CountyIndexDocument.IndicatorResult::code).containsExactly("COVERAGE");

            String notificationTopic = prefix + Topics.NOTIFICATION_EVENTS;
            UUID hazard = UUID.randomUUID();
            upstream.probe().publishRaw(notificationTopic, hazard.toString(), "{", ceHeaders("rectify.notification.EscalationRaised.v1", hazard.toString()));
            publish(notificationTopic, new EscalationRaised(UUID.randomUUID(), hazard, county, CountyStory.newCreditCode(), "MAJOR",
                    "ESCALATE_PROVINCE", "PROVINCE", "EMAIL", "duty-officer@sichuan.example", Instant.now().minus(8, ChronoUnit.DAYS), Instant.now()));
            await().atMost(Duration.ofSeconds(30)).until(() -> page.find("notification", d -> d.contains(hazard.toString())) != null);
            String data = page.find("notification", d -> d.contains(hazard.toString())).data();
            DashboardNotification escalation = EventJson.read(data, DashboardNotification.class);
            assertThat(escalation.type()).isEqualTo("EscalationRaised");
            assertThat(escalation.level()).isEqualTo("PROVINCE");
            assertThat(data).doesNotContain("duty-officer");

            // an acknowledgement from the message's link shows too, without who acknowledged
            publish(notificationTopic, new NotificationAcknowledged(UUID.randomUUID(), hazard, county, null, "ESCALATE_PROVINCE", 1,
                    "PROVINCE", "EMAIL", "PROVINCE/Sichuan", "LINK", Instant.now()));
            await().atMost(Duration.ofSeconds(30)).until(() -> page.find("notification", d -> d.contains("NotificationAcknowledged")) != null);
            DashboardNotification ack = EventJson.read(page.find("notification", d -> d.contains("NotificationAcknowledged")).data(),
                    DashboardNotification.class);
            assertThat(ack.hazardId()).isEqualTo(hazard);
            assertThat(ack.reason()).isEqualTo("LINK");

            // a page opened now gets both in its snapshot
            try (SseListener later = new SseListener(streamUrl.toURI())) {
                await().atMost(Duration.ofSeconds(10)).until(() -> !later.events().isEmpty());
                SseListener.Event first = later.events().get(0);
                assertThat(first.name()).isEqualTo("snapshot");
                DashboardSnapshot snapshot = EventJson.read(first.data(), DashboardSnapshot.class);
                assertThat(snapshot.counties()).extracting(DashboardCounty::countyCode).contains(county);
                assertThat(snapshot.notifications()).extracting(DashboardNotification::hazardId).contains(hazard);
            }
        }
    }

    @Test
    void anOverdueMajorHazardReachesThePageThroughTheIndexItMoves() throws Exception {
        CountyStory county = CountyStory.create();
        try (SseListener page = new SseListener(streamUrl.toURI())) {
            assertThat(page.status()).isEqualTo(200);
            upstream.publish(county.registered());
            CountyStory.Hazard hazard = county.hazard("MAJOR", Instant.now().minus(2, ChronoUnit.DAYS));
            upstream.publish(hazard.reported("OPEN", 0));

            // scoring's own answer, through its outbox and county.index, back to the dashboard
            await().atMost(Duration.ofSeconds(45)).until(() -> page.find("index", d -> d.contains(county.code)) != null);
            await().atMost(Duration.ofSeconds(30)).until(() -> page.find("overdue", d -> d.contains(hazard.id.toString())) != null);
            OverdueMajorHazards overdue = EventJson.read(page.find("overdue", d -> d.contains(hazard.id.toString())).data(), OverdueMajorHazards.class);
            assertThat(overdue.items()).filteredOn(h -> h.hazardId().equals(hazard.id)).singleElement().satisfies(h -> {
                assertThat(h.countyCode()).isEqualTo(county.code);
                assertThat(h.status()).isEqualTo("OPEN");
            });
            assertThat(overdue.total()).isGreaterThanOrEqualTo(1);

            // signed off: it leaves the list
            upstream.publish(hazard.signedOff(Instant.now().minus(3, ChronoUnit.DAYS), 2));
            await().atMost(Duration.ofSeconds(45)).until(() -> {
                SseListener.Event last = lastOf(page, "overdue");
                return last != null && !last.data().contains(hazard.id.toString());
            });
        }
        given().get("/dashboard/snapshot").then().statusCode(200)
                .body("counties.countyCode", org.hamcrest.Matchers.hasItem(county.code));
    }

    private static SseListener.Event lastOf(SseListener page, String name) {
        List<SseListener.Event> named = page.events().stream().filter(e -> e.name().equals(name)).toList();
        return named.isEmpty() ? null : named.get(named.size() - 1);
    }

    private void publish(String topic, EventPayload payload) {
        upstream.probe().publish(topic, payload.aggregateId(), new CloudEvent(UUID.randomUUID(), payload.cloudEventType(),
                "/" + payload.domain() + "-service", payload.aggregateId(), Instant.now()), EventJson.write(payload));
    }

    private static Map<String, String> ceHeaders(String type, String subject) {
        return Map.of(CloudEvent.H_SPECVERSION, CloudEvent.SPEC_VERSION, CloudEvent.H_ID, UUID.randomUUID().toString(),
                CloudEvent.H_TYPE, type, CloudEvent.H_SOURCE, "/test", CloudEvent.H_SUBJECT, subject,
                CloudEvent.H_TIME, Instant.now().toString());
    }

    private static CountyIndexDocument indexDocument(String county, String index, boolean eligible) {
        BigDecimal value = new BigDecimal(index);
        return new CountyIndexDocument(county, "测试县 " + county, Instant.now().atZone(java.time.ZoneOffset.UTC).getYear(), "2024.1", value,
                null, value, List.of(new CountyIndexDocument.IndicatorResult("COVERAGE", 7, 8, new BigDecimal("0.875000"),
                new BigDecimal("87.5000"), new BigDecimal("15"), new BigDecimal("1.000000"), value, true)),
                List.of(new CountyIndexDocument.DeductionResult("OVERDUE_MAJOR", 0, new BigDecimal("5"), new BigDecimal("20"), BigDecimal.ZERO)),
                eligible, Instant.now());
    }

    private static void assertNoExternalReference(String what, String text) {
        Matcher m = EXTERNAL.matcher(text);
        if (m.find()) {
            throw new AssertionError(what + " refers to another host near: "
                    + text.substring(Math.max(0, m.start() - 40), Math.min(text.length(), m.end() + 40)));
        }
        assertThat(text.getBytes(StandardCharsets.UTF_8).length).as(what + " is not empty").isGreaterThan(100);
    }
}
