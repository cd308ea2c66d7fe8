package io.rectify.inspection;

import io.quarkus.test.junit.QuarkusTest;
import io.rectify.contracts.CloudEvent;
import io.rectify.contracts.CreditCode;
import io.rectify.contracts.EventJson;
import io.rectify.contracts.Topics;
import io.rectify.contracts.inspection.CountyRegistered;
import io.rectify.contracts.inspection.EnterpriseRegistered;
import io.rectify.inspection.support.InspectionFixtures;
import io.rectify.platform.testing.TestTokens;
import io.rectify.platform.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.rectify.inspection.support.InspectionFixtures.ADMIN;
import static io.rectify.inspection.support.InspectionFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

/** Counties, enterprises, key tasks, criteria, experts and campaigns, and the events that tell scoring about them. */
@QuarkusTest
class RegistryTest {

    @ConfigProperty(name = "rectify.kafka.topic-prefix")
    String prefix;

    private final TopicProbe probe = new TopicProbe("127.0.0.1:9092");

    private List<ConsumerRecord<String, String>> eventsOf(String key, int atLeast) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> probe.readAll(prefix + Topics.INSPECTION_EVENTS, r -> key.equals(r.key())), records -> records.size() >= atLeast);
    }

    @Test
    void registeringAndChangingACountyPublishesCountyRegisteredKeyedByItsCode() {
        String code = InspectionFixtures.newCountyCode();
        String etag = as(ADMIN).body(InspectionFixtures.countyBody(code, "绵阳市", "LEAD")).post("/api/v1/counties").then().statusCode(201)
                .header("Location", containsString("/api/v1/counties/" + code))
                .body("tier", equalTo("LEAD")).extract().header("ETag");

        Map<String, Object> change = InspectionFixtures.countyBody(null, "绵阳市", "IMPROVE");
        change.put("status", "DEMONSTRATION");
        as(ADMIN).header("If-Match", etag).body(change).put("/api/v1/counties/" + code).then().statusCode(200)
                .body("tier", equalTo("IMPROVE")).body("status", equalTo("DEMONSTRATION"));
        as(ADMIN).header("If-Match", etag).body(change).put("/api/v1/counties/" + code).then().statusCode(412);
        as(ADMIN).body(InspectionFixtures.countyBody(code, "绵阳市", "LEAD")).post("/api/v1/counties").then().statusCode(409);

        List<ConsumerRecord<String, String>> events = eventsOf(code, 2);
        assertThat(events).hasSize(2).allSatisfy(r ->
                assertThat(TopicProbe.header(r, CloudEvent.H_TYPE)).isEqualTo("rectify.inspection.CountyRegistered.v1"));
        assertThat(events).extracting(r -> EventJson.read(r.value(), CountyRegistered.class))
                .extracting(CountyRegistered::tier, CountyRegistered::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("LEAD", "KEY"), org.assertj.core.groups.Tuple.tuple("IMPROVE", "DEMONSTRATION"));
    }

    @Test
    void aWrongCheckCharacterIsA422SayingWhichItShouldBe() {
        String county = InspectionFixtures.county("绵阳市");
        String valid = InspectionFixtures.newCreditCode();
        char expected = valid.charAt(17);
        char wrong = CreditCode.CHARSET.charAt((CreditCode.CHARSET.indexOf(expected) + 1) % CreditCode.CHARSET.length());
        String corrupted = valid.substring(0, 17) + wrong;

        as(ADMIN).body(InspectionFixtures.enterpriseBody(corrupted, county)).post("/api/v1/enterprises").then().statusCode(422)
                .contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("creditCode"))
                .body("detail", containsString("check character is '" + wrong + "' but should be '" + expected + "'"));
        as(ADMIN).body(InspectionFixtures.enterpriseBody("91510781MA6ABC12I0", county)).post("/api/v1/enterprises").then().statusCode(422)
                .body("detail", containsString("is not allowed"));
        as(ADMIN).get("/api/v1/enterprises/" + corrupted).then().statusCode(404);
    }

    @Test
    void registeringAndChangingAnEnterprisePublishesEnterpriseRegisteredKeyedByItsCreditCode() {
        String county = InspectionFixtures.county("绵阳市");
        String creditCode = InspectionFixtures.newCreditCode();
        as(ADMIN).body(InspectionFixtures.enterpriseBody(creditCode, county)).post("/api/v1/enterprises").then().statusCode(201)
                .body("fineChemical", equalTo(true)).body("majorHazardInstallationGrade", equalTo(2));
        Map<String, Object> change = InspectionFixtures.enterpriseBody(creditCode, county);
        change.put("majorHazardInstallationGrade", null);
        as(ADMIN).body(change).put("/api/v1/enterprises/" + creditCode).then().statusCode(200)
                .body("majorHazardInstallationGrade", equalTo(null));
        as(ADMIN).body(InspectionFixtures.enterpriseBody(creditCode, county)).post("/api/v1/enterprises").then().statusCode(409);

        List<EnterpriseRegistered> events = eventsOf(creditCode, 2).stream()
                .map(r -> EventJson.read(r.value(), EnterpriseRegistered.class)).toList();
        assertThat(events).hasSize(2).allSatisfy(e -> assertThat(e.countyCode()).isEqualTo(county));
        assertThat(events.get(0).majorHazardInstallationGrade()).isEqualTo(2);
        assertThat(events.get(1).majorHazardInstallationGrade()).isNull();
    }

    @Test
    void anEnterpriseNeedsAKnownCounty() {
        as(ADMIN).body(InspectionFixtures.enterpriseBody(InspectionFixtures.newCreditCode(), InspectionFixtures.newCountyCode())).post("/api/v1/enterprises").then()
                .statusCode(422).body("errors[0].field", equalTo("countyCode"));
    }

    @Test
    void keyTasksAreSeededAndExtendableByAnAdminOnly() {
        as(ADMIN).get("/api/v1/key-tasks").then().statusCode(200)
                .body("items.code", hasItems("THREE_ONES", "EQUIPMENT_RUNNING_WITH_DEFECTS", "FINE_CHEMICAL_FOUR_ZEROINGS",
                        "MAJOR_HAZARD_INSTALLATIONS", "CHEMICAL_PARKS", "RECTIFICATION_CLOSURE", "OTHER"));
        String code = "TASK_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Map<String, Object> task = Map.of("code", code, "nameZh", "安全风险分级管控", "nameEn", "Graded risk control");
        as(TestTokens.bearer("PROVINCE_REGULATOR", "province", InspectionFixtures.PROVINCE)).body(task).post("/api/v1/key-tasks").then().statusCode(403);
        as(ADMIN).body(task).post("/api/v1/key-tasks").then().statusCode(201).body("code", equalTo(code));
        as(ADMIN).body(task).post("/api/v1/key-tasks").then().statusCode(409);
        as(TestTokens.bearer("EXPERT")).queryParam("size", 500).get("/api/v1/key-tasks").then().statusCode(200).body("items.code", hasItems(code));
    }

    @Test
    void theTwentyMajorHazardCriteriaAreServedWithShortNames() {
        as(TestTokens.bearer("ENTERPRISE", "creditCode", InspectionFixtures.newCreditCode())).get("/api/v1/major-hazard-criteria").then().statusCode(200)
                .body("total", equalTo(20))
                .body("items", hasSize(20))
                .body("items[0].code", equalTo("MHC-01"))
                .body("items[19].code", equalTo("MHC-20"))
                .body("items[0].nameZh", containsString("考核合格"))
                .body("items[1].nameEn", containsString("certificate"));
    }

    @Test
    void campaignsAreValidatedAndScopeInspections() {
        String county = InspectionFixtures.county("绵阳市");
        String other = InspectionFixtures.county("德阳市");
        Map<String, Object> body = new HashMap<>(Map.of("name", "2024年危险化学品重点县专家指导服务", "year", 2024,
                "countyCodes", List.of(county), "startsOn", "2024-04-08", "endsOn", "2024-04-14"));
        String campaign = as(ADMIN).body(body).post("/api/v1/campaigns").then().statusCode(201)
                .body("countyCodes", equalTo(List.of(county))).extract().path("id");
        as(ADMIN).get("/api/v1/campaigns/" + campaign).then().statusCode(200).body("year", equalTo(2024));

        Map<String, Object> backwards = new HashMap<>(body);
        backwards.put("endsOn", "2024-04-01");
        as(ADMIN).body(backwards).post("/api/v1/campaigns").then().statusCode(422).body("errors[0].field", equalTo("endsOn"));
        Map<String, Object> unknown = new HashMap<>(body);
        unknown.put("countyCodes", List.of(InspectionFixtures.newCountyCode()));
        as(ADMIN).body(unknown).post("/api/v1/campaigns").then().statusCode(422).body("errors[0].field", equalTo("countyCodes"));

        InspectionFixtures.Expert expert = InspectionFixtures.expert();
        Map<String, Object> outside = InspectionFixtures.scheduleBody(InspectionFixtures.enterprise(other), List.of(expert.id()), LocalDate.of(2024, 4, 10));
        outside.put("campaignId", campaign);
        as(ADMIN).body(outside).post("/api/v1/inspections").then().statusCode(422).body("errors[0].field", equalTo("campaignId"));
        Map<String, Object> late = InspectionFixtures.scheduleBody(InspectionFixtures.enterprise(county), List.of(expert.id()), LocalDate.of(2024, 5, 1));
        late.put("campaignId", campaign);
        as(ADMIN).body(late).post("/api/v1/inspections").then().statusCode(422).body("errors[0].field", equalTo("scheduledOn"));
        late.put("scheduledOn", "2024-04-10");
        as(ADMIN).body(late).post("/api/v1/inspections").then().statusCode(201).body("campaignId", equalTo(campaign));

        // a county regulator of the other county does not see the campaign
        as(TestTokens.bearer("COUNTY_REGULATOR", "county", other)).get("/api/v1/campaigns/" + campaign).then().statusCode(404);
        as(TestTokens.bearer("COUNTY_REGULATOR", "county", county)).get("/api/v1/campaigns/" + campaign).then().statusCode(200);
        as(TestTokens.bearer("COUNTY_REGULATOR", "county", other)).queryParam("size", 500).get("/api/v1/campaigns").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(hasItems(campaign)));
    }

    @Test
    void schedulingRefusesUnknownExpertsAndKeyTasks() {
        String enterprise = InspectionFixtures.enterprise(InspectionFixtures.county("绵阳市"));
        Map<String, Object> body = InspectionFixtures.scheduleBody(enterprise, List.of(UUID.randomUUID()), LocalDate.of(2024, 4, 10), "NO_SUCH_TASK");
        as(ADMIN).body(body).post("/api/v1/inspections").then().statusCode(422)
                .body("errors.field", hasItems("expertIds", "keyTasks"));
        Map<String, Object> unknownEnterprise = InspectionFixtures.scheduleBody(InspectionFixtures.newCreditCode(), List.of(InspectionFixtures.expert().id()), LocalDate.of(2024, 4, 10));
        as(ADMIN).body(unknownEnterprise).post("/api/v1/inspections").then().statusCode(422)
                .body("errors[0].field", equalTo("enterpriseCreditCode"));
    }
}
