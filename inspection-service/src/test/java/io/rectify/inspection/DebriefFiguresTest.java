package io.rectify.inspection;

import io.quarkus.test.junit.QuarkusTest;
import io.rectify.contracts.CloudEvent;
import io.rectify.contracts.EventJson;
import io.rectify.contracts.EventPayload;
import io.rectify.contracts.Topics;
import io.rectify.contracts.hazard.Actor;
import io.rectify.contracts.hazard.HazardOverdue;
import io.rectify.contracts.hazard.HazardSnapshot;
import io.rectify.contracts.hazard.RectificationSubmitted;
import io.rectify.contracts.scoring.CountyIndexDocument;
import io.rectify.inspection.support.InspectionFixtures;
import io.rectify.platform.testing.TestTokens;
import io.rectify.platform.testing.TopicProbe;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static io.rectify.inspection.support.InspectionFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * The nightly debrief shows both yardsticks (from {@code county.index}) and the rectification evidence
 * warnings (from {@code hazard.events}), read on the real broker: the newest index wins over one computed
 * earlier and read later; a warning raised after the day is not on that day's debrief; a later snapshot
 * without warnings takes the hazard off; an older snapshot read late changes nothing.
 */
@QuarkusTest
class DebriefFiguresTest {

    private static final LocalDate DAY = LocalDate.of(2024, 4, 12);
    private static final Instant EVENING = DAY.atTime(18, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();

    @ConfigProperty(name = "rectify.kafka.topic-prefix")
    String prefix;

    private final TopicProbe kafka = new TopicProbe("127.0.0.1:9092");

    @Test
    void theDebriefShowsBothYardsticksAndTheDaysEvidenceWarnings() {
        String county = InspectionFixtures.county("绵阳市");
        String mine = InspectionFixtures.enterprise(county);
        String other = InspectionFixtures.enterprise(county);

        publishIndex(county, new BigDecimal("81.5"), new BigDecimal("86.0"), EVENING);
        publishIndex(county, new BigDecimal("70.0"), null, EVENING.minusSeconds(3600)); // older, read later: ignored

        UUID reused = UUID.randomUUID();
        UUID cleared = UUID.randomUUID();
        UUID tomorrow = UUID.randomUUID();
        UUID othersHazard = UUID.randomUUID();
        publishHazard(snapshot(reused, county, mine, 3, List.of("USED_FOR_ANOTHER_HAZARD", "CAPTURED_BEFORE_REPORT")), EVENING);
        publishHazard(snapshot(cleared, county, mine, 3, List.of("SAME_AS_FINDING_EVIDENCE")), EVENING);
        publishHazard(snapshot(cleared, county, mine, 5, null), EVENING.plusSeconds(60)); // new evidence: no warning left
        publishHazard(snapshot(tomorrow, county, mine, 3, List.of("SAME_AS_FINDING_EVIDENCE")), EVENING.plusSeconds(24 * 3600));
        publishHazard(snapshot(othersHazard, county, other, 3, List.of("SAME_AS_FINDING_EVIDENCE")), EVENING);
        publishOverdue(snapshot(reused, county, mine, 2, null), EVENING); // an older snapshot read late changes nothing

        String path = "/api/v1/counties/" + county + "/debriefs/" + DAY;
        String regulator = TestTokens.bearer("COUNTY_REGULATOR", "county", county);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                as(regulator).get(path).then().statusCode(200)
                        .body("yardsticks.index", equalTo(81.5f))
                        .body("yardsticks.sheetScore", equalTo(86.0f))
                        .body("yardsticks.sheetVersion", equalTo("2024.1"))
                        .body("rectificationWarnings", hasSize(2))
                        .body("rectificationWarnings.hazardId", org.hamcrest.Matchers.containsInAnyOrder(reused.toString(), othersHazard.toString())));

        as(regulator).get(path).then().statusCode(200)
                .body("rectificationWarnings.find { it.hazardId == '" + reused + "' }.warnings",
                        equalTo(List.of("USED_FOR_ANOTHER_HAZARD", "CAPTURED_BEFORE_REPORT")))
                .body("rectificationWarnings.find { it.hazardId == '" + reused + "' }.enterpriseCreditCode", equalTo(mine));
        // the next day's debrief also lists the one raised that day
        as(regulator).get("/api/v1/counties/" + county + "/debriefs/" + DAY.plusDays(1)).then().statusCode(200)
                .body("rectificationWarnings", hasSize(3));

        String markdown = as(regulator).accept("text/markdown").get(path).then().statusCode(200).extract().asString();
        assertThat(markdown).contains("两把尺子 Both yardsticks", "**81.5**", "**86.0** / 100 (sheet 2024.1)",
                "整改佐证已用于另一隐患的整改 USED_FOR_ANOTHER_HAZARD", "整改照片拍摄于隐患上报之前 CAPTURED_BEFORE_REPORT");
        String html = as(regulator).accept("text/html").get(path).then().statusCode(200).extract().asString();
        assertThat(html).contains("<strong>81.5</strong>", "整改佐证已用于另一隐患的整改");
    }

    private void publishIndex(String county, BigDecimal index, BigDecimal sheetScore, Instant computedAt) {
        CountyIndexDocument.SheetResult sheet = sheetScore == null ? null : new CountyIndexDocument.SheetResult("2024.1", UUID.randomUUID(),
                computedAt.minusSeconds(60), new BigDecimal("100"), sheetScore, sheetScore, List.of());
        publish(Topics.COUNTY_INDEX, county, new CountyIndexDocument(county, "County " + county, 2024, "2024.1", index, null,
                new BigDecimal("100"), List.of(), List.of(), true, computedAt, sheet), computedAt);
    }

    private void publishHazard(HazardSnapshot hazard, Instant at) {
        publish(Topics.HAZARD_EVENTS, hazard.id().toString(), new RectificationSubmitted(hazard, Actor.SYSTEM, at, "整改完成", List.of()), at);
    }

    private void publishOverdue(HazardSnapshot hazard, Instant at) {
        publish(Topics.HAZARD_EVENTS, hazard.id().toString(), new HazardOverdue(hazard, Actor.SYSTEM, at, at), at);
    }

    private void publish(String topic, String key, EventPayload payload, Instant at) {
        CloudEvent ce = new CloudEvent(UUID.randomUUID(), payload.cloudEventType(), "/" + payload.domain() + "-service", key, at);
        kafka.publish(prefix + topic, key, ce, EventJson.write(payload));
    }

    private static HazardSnapshot snapshot(UUID id, String county, String creditCode, long version, List<String> warnings) {
        return new HazardSnapshot(id, "INSPECTION", UUID.randomUUID(), UUID.randomUUID(), creditCode, county, "绵阳市", "四川省",
                "MAJOR_HAZARD_INSTALLATIONS", "GENERAL", null, "罐区围堰破损", "PENDING_VERIFICATION", EVENING.minusSeconds(86_400 * 3),
                EVENING.plusSeconds(86_400 * 10), false, null, 0, 0, 0, EVENING, null, version, warnings);
    }
}
