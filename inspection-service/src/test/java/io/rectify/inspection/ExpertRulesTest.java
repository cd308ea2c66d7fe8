package io.rectify.inspection;

import io.quarkus.test.junit.QuarkusTest;
import io.rectify.contracts.CloudEvent;
import io.rectify.contracts.EventJson;
import io.rectify.contracts.Topics;
import io.rectify.contracts.inspection.ConflictDeclared;
import io.rectify.inspection.support.InspectionFixtures;
import io.rectify.platform.testing.TestTokens;
import io.rectify.platform.testing.TopicProbe;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.rectify.inspection.support.InspectionFixtures.ADMIN;
import static io.rectify.inspection.support.InspectionFixtures.as;
import static io.rectify.inspection.support.InspectionFixtures.scheduleBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Impartial experts (a declared conflict keeps them off the enterprise) and fit experts (a warning when no specialty covers a key task). */
@QuarkusTest
class ExpertRulesTest {

    @ConfigProperty(name = "rectify.kafka.topic-prefix")
    String prefix;

    private final TopicProbe probe = new TopicProbe("127.0.0.1:9092");

    static InspectionFixtures.Expert specialist(String... specialties) {
        String subject = "expert-" + UUID.randomUUID();
        String id = as(ADMIN).body(Map.of("name", "李工", "specialties", List.of(specialties), "subject", subject))
                .post("/api/v1/experts").then().statusCode(201).extract().path("id");
        return new InspectionFixtures.Expert(UUID.fromString(id), subject, "Bearer " + TestTokens.builder(subject, "EXPERT").sign());
    }

    @Test
    void aDeclaredConflictRefusesSchedulingInsideItsPeriodAndIsPublished() {
        String county = InspectionFixtures.county("绵阳市");
        String enterprise = InspectionFixtures.enterprise(county);
        InspectionFixtures.Expert expert = specialist("MAJOR_HAZARD_INSTALLATIONS", "FINE_CHEMICAL_FOUR_ZEROINGS");
        InspectionFixtures.Expert other = specialist("CHEMICAL_PARKS");

        Map<String, Object> conflict = Map.of("creditCode", enterprise, "reason", "曾任该企业安全顾问", "from", "2024-01-01", "to", "2024-12-31");
        as(other.bearer()).body(conflict).post("/api/v1/experts/" + expert.id() + "/conflicts").then().statusCode(403);
        as(expert.bearer()).body(Map.of("creditCode", enterprise, "reason", "x", "from", "2024-05-01", "to", "2024-04-01"))
                .post("/api/v1/experts/" + expert.id() + "/conflicts").then().statusCode(422);
        as(expert.bearer()).body(conflict).post("/api/v1/experts/" + expert.id() + "/conflicts").then().statusCode(201)
                .body("creditCode", equalTo(enterprise)).body("to", equalTo("2024-12-31"));

        // first visits are scheduled by a regulator (an expert schedules only enterprises it already sees)
        as(ADMIN).body(scheduleBody(enterprise, List.of(expert.id()), LocalDate.of(2024, 4, 11)))
                .post("/api/v1/inspections").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("conflict of interest"));
        // a regulator scheduling a team that includes the expert is refused too
        as(ADMIN).body(scheduleBody(enterprise, List.of(other.id(), expert.id()), LocalDate.of(2024, 4, 11)))
                .post("/api/v1/inspections").then().statusCode(409);
        // outside the declared period, or without the conflicted expert, it is accepted
        as(ADMIN).body(scheduleBody(enterprise, List.of(expert.id()), LocalDate.of(2025, 2, 1)))
                .post("/api/v1/inspections").then().statusCode(201);
        as(ADMIN).body(scheduleBody(enterprise, List.of(other.id()), LocalDate.of(2024, 4, 11)))
                .post("/api/v1/inspections").then().statusCode(201);
        as(ADMIN).get("/api/v1/experts/" + expert.id() + "/conflicts").then().statusCode(200).body("[0].reason", equalTo("曾任该企业安全顾问"));

        ConsumerRecord<String, String> event = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> probe.readAll(prefix + Topics.INSPECTION_EVENTS, r -> expert.id().toString().equals(r.key())), r -> r.size() == 1)
                .get(0);
        assertThat(TopicProbe.header(event, CloudEvent.H_TYPE)).isEqualTo("rectify.inspection.ConflictDeclared.v1");
        ConflictDeclared declared = EventJson.read(event.value(), ConflictDeclared.class);
        assertThat(declared.expertSubject()).isEqualTo(expert.subject());
        assertThat(declared.enterpriseCreditCode()).isEqualTo(enterprise);
        assertThat(declared.countyCode()).isEqualTo(county);
    }

    @Test
    void schedulingWarnsWhenNoAssignedExpertCoversAKeyTask() {
        String county = InspectionFixtures.county("绵阳市");
        String enterprise = InspectionFixtures.enterprise(county);
        InspectionFixtures.Expert expert = specialist("MAJOR_HAZARD_INSTALLATIONS", "process safety");

        String campaign = as(ADMIN).body(Map.of("name", "2024 指导服务 " + county, "year", 2024, "countyCodes", List.of(county),
                "startsOn", "2024-04-01", "endsOn", "2024-04-30")).post("/api/v1/campaigns").then().statusCode(201).extract().path("id");
        Map<String, Object> body = scheduleBody(enterprise, List.of(expert.id()), LocalDate.of(2024, 4, 12),
                "MAJOR_HAZARD_INSTALLATIONS", "CHEMICAL_PARKS", "OTHER");
        body.put("campaignId", campaign);
        Response gap = as(ADMIN).body(body).post("/api/v1/inspections");
        gap.then().statusCode(201);
        assertThat(gap.header("Rectify-Specialty-Gaps")).isEqualTo("CHEMICAL_PARKS");

        Response covered = as(expert.bearer()).body(scheduleBody(enterprise, List.of(expert.id()), LocalDate.of(2024, 4, 13),
                "MAJOR_HAZARD_INSTALLATIONS")).post("/api/v1/inspections");
        covered.then().statusCode(201);
        assertThat(covered.header("Rectify-Specialty-Gaps")).isNull();

        // the campaign report: CHEMICAL_PARKS was inspected without a specialist, MAJOR_HAZARD_INSTALLATIONS with one
        as(ADMIN).get("/api/v1/campaigns/" + campaign + "/key-task-coverage").then().statusCode(200)
                .body("keyTasks.find { it.keyTask == 'CHEMICAL_PARKS' }.covered", equalTo(0))
                .body("keyTasks.find { it.keyTask == 'CHEMICAL_PARKS' }.inspections", equalTo(1))
                .body("keyTasks.find { it.keyTask == 'MAJOR_HAZARD_INSTALLATIONS' }.covered", equalTo(1))
                .body("keyTasks.find { it.keyTask == 'MAJOR_HAZARD_INSTALLATIONS' }.specialists[0]", equalTo(expert.id().toString()));
        as(ADMIN).get("/api/v1/campaigns/" + UUID.randomUUID() + "/key-task-coverage").then().statusCode(404);
    }
}
