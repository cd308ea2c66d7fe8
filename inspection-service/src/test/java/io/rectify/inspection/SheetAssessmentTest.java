package io.rectify.inspection;

import io.quarkus.test.junit.QuarkusTest;
import io.rectify.contracts.CloudEvent;
import io.rectify.contracts.EventJson;
import io.rectify.contracts.Topics;
import io.rectify.contracts.inspection.SheetAssessed;
import io.rectify.contracts.scoring.ScoringSheet;
import io.rectify.inspection.support.InspectionFixtures;
import io.rectify.platform.testing.TestTokens;
import io.rectify.platform.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.rectify.inspection.support.InspectionFixtures.ADMIN;
import static io.rectify.inspection.support.InspectionFixtures.action;
import static io.rectify.inspection.support.InspectionFixtures.as;
import static io.rectify.inspection.support.InspectionFixtures.finding;
import static io.rectify.inspection.support.InspectionFixtures.recordFinding;
import static io.rectify.inspection.support.InspectionFixtures.schedule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The expert team scores a county on the sheet: a draft, revised, submitted by its lead, SheetAssessed on the broker. */
@QuarkusTest
class SheetAssessmentTest {

    @ConfigProperty(name = "rectify.kafka.topic-prefix")
    String prefix;

    private final TopicProbe probe = new TopicProbe("127.0.0.1:9092");

    @Test
    void aDraftIsRevisedAndSubmittedByTheTeamLeadOnly() {
        String county = InspectionFixtures.county("绵阳市");
        String enterprise = InspectionFixtures.enterprise(county);
        InspectionFixtures.Expert lead = InspectionFixtures.expert();
        InspectionFixtures.Expert member = InspectionFixtures.expert();
        // a member of the county's expert team: sees the county through its token's county claim (no inspection of its own)
        String memberBearer = "Bearer " + TestTokens.builder(member.subject(), "EXPERT", "county", county).sign();
        // the team lead acts on the county's sheet with the county in its token too (its inspection alone shows the enterprise)
        String leadBearer = "Bearer " + TestTokens.builder(lead.subject(), "EXPERT", "county", county).sign();
        String inspection = schedule(enterprise, lead, LocalDate.of(2024, 4, 11));
        action(inspection, "start", lead.bearer()).statusCode(200);
        String finding = recordFinding(inspection, lead, finding("MAJOR_HAZARD_INSTALLATIONS", "MAJOR", "MHC-01"));

        Map<String, Object> body = new HashMap<>();
        body.put("period", 2024);
        body.put("sheetVersion", "2024.1");
        body.put("teamLeadId", lead.id().toString());
        body.put("marks", List.of(Map.of("itemId", "MH-1", "level", "PARTLY", "findingIds", List.of(finding))));
        String path = "/api/v1/counties/" + county + "/sheet-assessments";
        String id = as(memberBearer).body(body).post(path).then().statusCode(201)
                .body("status", equalTo("DRAFT")).body("marks[0].findingIds[0]", equalTo(finding)).extract().path("id");

        // an item that asks for evidence without any, a finding of another county, an unknown sheet: 422 naming each
        Map<String, Object> bad = new HashMap<>(body);
        bad.put("marks", List.of(Map.of("itemId", "MH-2", "level", "MET"),
                Map.of("itemId", "MH-1", "level", "MET", "findingIds", List.of(UUID.randomUUID().toString()))));
        as(memberBearer).body(bad).post(path).then().statusCode(422)
                .body("errors.field", equalTo(List.of("marks[0]", "marks[1].findingIds")));
        bad.put("sheetVersion", "1999.9");
        as(memberBearer).body(bad).post(path).then().statusCode(422).body("errors.field", hasItem("sheetVersion"));

        // submitting an incomplete draft is refused; the full marks go in as a revision
        as(leadBearer).post(path + "/" + id + "/submit").then().statusCode(422).body("detail", containsString("unmarked"));
        List<Map<String, Object>> all = new ArrayList<>();
        for (ScoringSheet.Located l : ScoringSheet.shipped("2024.1").orElseThrow().items()) {
            Map<String, Object> mark = new HashMap<>();
            mark.put("itemId", l.item().id());
            if ("COUNT".equals(l.item().judgedBy())) {
                mark.put("count", l.item().target() - 1);
            } else {
                mark.put("level", "MET");
            }
            if (l.item().needsEvidence()) {
                mark.put("hazardIds", List.of(UUID.randomUUID().toString()));
            }
            all.add(mark);
        }
        as(memberBearer).body(Map.of("marks", all)).put(path + "/" + id + "/marks").then().statusCode(200);

        as(memberBearer).post(path + "/" + id + "/submit").then().statusCode(403);
        as(TestTokens.bearer("COUNTY_REGULATOR", "county", county)).post(path + "/" + id + "/submit").then().statusCode(403);
        as(leadBearer).post(path + "/" + id + "/submit").then().statusCode(200).body("status", equalTo("SUBMITTED"));
        as(leadBearer).post(path + "/" + id + "/submit").then().statusCode(409);
        as(memberBearer).body(Map.of("marks", all)).put(path + "/" + id + "/marks").then().statusCode(409);
        as(ADMIN).get(path + "?period=2024").then().statusCode(200).body("[0].id", equalTo(id));

        ConsumerRecord<String, String> event = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> probe.readAll(prefix + Topics.INSPECTION_EVENTS, r -> id.equals(r.key())), r -> r.size() == 1).get(0);
        assertThat(TopicProbe.header(event, CloudEvent.H_TYPE)).isEqualTo("rectify.inspection.SheetAssessed.v1");
        SheetAssessed assessed = EventJson.read(event.value(), SheetAssessed.class);
        assertThat(assessed.countyCode()).isEqualTo(county);
        assertThat(assessed.teamLeadId()).isEqualTo(lead.id());
        assertThat(assessed.submittedBy()).isEqualTo(lead.subject());
        assertThat(assessed.marks()).hasSize(all.size());
    }
}
