package io.rectify.inspection;

import io.quarkus.test.junit.QuarkusTest;
import io.rectify.contracts.Topics;
import io.rectify.inspection.support.InspectionFixtures;
import io.rectify.platform.testing.TestTokens;
import io.rectify.platform.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static io.rectify.inspection.support.InspectionFixtures.ADMIN;
import static io.rectify.inspection.support.InspectionFixtures.action;
import static io.rectify.inspection.support.InspectionFixtures.as;
import static io.rectify.inspection.support.InspectionFixtures.finding;
import static io.rectify.inspection.support.InspectionFixtures.recordFinding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Key tasks are versioned (domain.md): a revision by an ADMIN makes a new version and keeps the earlier
 * ones; a finding keeps the version it was recorded under — in its document, in {@code FindingConfirmed}
 * and on the nightly debrief, which names it as it was then.
 */
@QuarkusTest
class KeyTaskVersionsTest {

    private static final LocalDate DAY = LocalDate.of(2024, 5, 20);

    @ConfigProperty(name = "rectify.kafka.topic-prefix")
    String prefix;

    @Test
    void aRevisionMakesANewVersionAndFindingsKeepTheirs() {
        String code = "KT_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(Locale.ROOT);
        as(ADMIN).body(Map.of("code", code, "nameZh", "储罐区专项整治", "nameEn", "Tank farm campaign")).post("/api/v1/key-tasks")
                .then().statusCode(201).body("version", equalTo(1));

        String county = InspectionFixtures.county("绵阳市");
        InspectionFixtures.Expert expert = InspectionFixtures.expert();
        String inspection = InspectionFixtures.schedule(InspectionFixtures.enterprise(county), expert, DAY);
        action(inspection, "start", expert.bearer()).statusCode(200);
        String before = recordFinding(inspection, expert, finding(code, "GENERAL", null));

        as(ADMIN).body(Map.of("nameZh", "储罐区及装卸区专项整治", "nameEn", "Tank farm and loading campaign", "description", "scope widened"))
                .put("/api/v1/key-tasks/" + code).then().statusCode(200)
                .body("version", equalTo(2)).body("nameZh", equalTo("储罐区及装卸区专项整治"));
        String after = recordFinding(inspection, expert, finding(code, "GENERAL", null));

        String findings = "/api/v1/inspections/" + inspection + "/findings/";
        as(ADMIN).get(findings + before).then().statusCode(200).body("keyTaskVersion", equalTo(1));
        as(ADMIN).get(findings + after).then().statusCode(200).body("keyTaskVersion", equalTo(2));
        as(expert.bearer()).get("/api/v1/key-tasks/" + code + "/versions").then().statusCode(200)
                .body("", hasSize(2))
                .body("[0].version", equalTo(1)).body("[0].nameEn", equalTo("Tank farm campaign"))
                .body("[1].version", equalTo(2)).body("[1].nameEn", equalTo("Tank farm and loading campaign"));

        // refused revisions change nothing
        as(expert.bearer()).body(Map.of("nameZh", "x", "nameEn", "x")).put("/api/v1/key-tasks/" + code).then().statusCode(403);
        as(ADMIN).body(Map.of("nameZh", " ", "nameEn", "x")).put("/api/v1/key-tasks/" + code).then().statusCode(422);
        as(ADMIN).body(Map.of("nameZh", "x", "nameEn", "x")).put("/api/v1/key-tasks/NO_SUCH_TASK").then().statusCode(404);
        as(ADMIN).get("/api/v1/key-tasks/NO_SUCH_TASK/versions").then().statusCode(404);
        as(ADMIN).get("/api/v1/key-tasks/" + code + "/versions").then().body("", hasSize(2));

        // the confirmed findings carry their versions to hazard-service
        as(expert.bearer()).body(Map.of("summary", "储罐区检查完毕")).post("/api/v1/inspections/" + inspection + "/complete").then().statusCode(200);
        TopicProbe probe = new TopicProbe("127.0.0.1:9092");
        List<ConsumerRecord<String, String>> confirmed = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> probe.readAll(prefix + Topics.INSPECTION_EVENTS, r -> inspection.equals(r.key())
                        && r.value().contains("\"findingId\"")), l -> l.size() == 2);
        assertThat(confirmed).anySatisfy(r -> assertThat(r.value()).contains("\"findingId\":\"" + before + "\"").contains("\"keyTaskVersion\":1"));
        assertThat(confirmed).anySatisfy(r -> assertThat(r.value()).contains("\"findingId\":\"" + after + "\"").contains("\"keyTaskVersion\":2"));

        // the debrief names each finding's key task as it was when recorded
        as(TestTokens.bearer("COUNTY_REGULATOR", "county", county)).get("/api/v1/counties/" + county + "/debriefs/" + DAY).then().statusCode(200)
                .body("inspections[0].findings.find { it.id == '" + before + "' }.keyTaskNameEn", equalTo("Tank farm campaign"))
                .body("inspections[0].findings.find { it.id == '" + after + "' }.keyTaskNameEn", equalTo("Tank farm and loading campaign"));
    }
}
