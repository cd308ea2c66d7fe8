package io.rectify.scoring.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.rectify.contracts.EventJson;
import io.rectify.platform.testing.TestTokens;
import io.rectify.scoring.domain.RubricDocument;
import io.rectify.scoring.support.CountyStory;
import io.rectify.scoring.support.ScoringTestBase;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.rectify.scoring.support.ScoringFixtures.ADMIN;
import static io.rectify.scoring.support.ScoringFixtures.awaitIndex;
import static io.rectify.scoring.support.ScoringFixtures.index;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class RubricResourceTest extends ScoringTestBase {

    @Test
    void aRubricPutRecomputesEveryCountyAndCanBeUndone() throws IOException {
        Instant now = Instant.now();
        // A: E=2, I=1, one general hazard signed off on time → (15×50 + 30×100 + 20×100 + 15×100)/80 = 90.625
        CountyStory a = CountyStory.create();
        upstream.publish(a.registered());
        String inspected = CountyStory.newCreditCode();
        upstream.publish(a.enterprise(inspected));
        upstream.publish(a.enterprise(CountyStory.newCreditCode()));
        upstream.publish(a.inspected(inspected, now));
        CountyStory.Hazard closed = a.hazard("GENERAL", now.minus(Duration.ofDays(3)));
        upstream.publish(closed.signedOff(now.minus(Duration.ofDays(4)), 4));
        // B: E=1, I=1, one general hazard 40 days overdue → (15×100 + 30×0 + 15×100)/60 − 1 = 49
        CountyStory b = CountyStory.create();
        upstream.publish(b.registered());
        String enterprise = CountyStory.newCreditCode();
        upstream.publish(b.enterprise(enterprise));
        upstream.publish(b.inspected(enterprise, now));
        upstream.publish(b.hazard("GENERAL", now.minus(Duration.ofDays(40))).reported("OPEN", 0));
        awaitIndex(a.code, "90.6");
        awaitIndex(b.code, "49.0");

        String version = "test-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> coverageFirst = Map.of(
                "indicators", List.of(
                        Map.of("code", "COVERAGE", "weight", 70),
                        Map.of("code", "RECTIFICATION_RATE", "weight", 10),
                        Map.of("code", "ON_TIME_RATE", "weight", 10),
                        Map.of("code", "MAJOR_CLOSURE_RATE", "weight", 5),
                        Map.of("code", "REPEAT_FREE_RATE", "weight", 10)),
                "deductions", List.of(
                        Map.of("code", "OVERDUE_MAJOR", "pointsEach", 5, "cap", 20),
                        Map.of("code", "LONG_OVERDUE_GENERAL", "pointsEach", 3, "cap", 10, "threshold", "P30D")),
                "demonstration", Map.of("minIndex", 90, "minCoverage", 90));
        try {
            Response put = given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(coverageFirst)
                    .put("/api/v1/rubrics/{version}", version);
            put.then().statusCode(200).body("version", equalTo(version)).body("active", equalTo(true));
            assertThat(Integer.parseInt(put.header(RubricResource.ANSWERS_CHANGED))).isGreaterThanOrEqualTo(2);

            // recomputed before the PUT answered: A (70×50 + 10×100 + 10×100 + 10×100)/100 = 65; B (70×100 + 0 + 10×100)/90 − 3 = 85.89
            assertThat(index(a.code).index()).isEqualByComparingTo("65.0");
            assertThat(index(b.code).index()).isEqualByComparingTo("85.9");
            assertThat(index(a.code).rubricVersion()).isEqualTo(version);
            // every county of the current period now answers with the new rubric
            List<String> versions = given().header("Authorization", ADMIN).queryParam("size", 500).get("/api/v1/rankings")
                    .then().statusCode(200).extract().jsonPath().getList("items.rubricVersion");
            assertThat(versions).isNotEmpty().containsOnly(version);
            given().header("Authorization", ADMIN).get("/api/v1/rubrics")
                    .then().statusCode(200).body("items.version", hasItems("2024.1", version))
                    .body("items.findAll { it.active }", hasSize(1));
        } finally {
            given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(shippedRubric())
                    .put("/api/v1/rubrics/2024.1").then().statusCode(200).body("active", equalTo(true));
        }
        assertThat(index(a.code).index()).isEqualByComparingTo("90.6");
        assertThat(index(b.code).index()).isEqualByComparingTo("49.0");
        assertThat(index(b.code).rubricVersion()).isEqualTo("2024.1");
    }

    @Test
    void aBadRubricIsRefusedWithEveryProblemListed() {
        Map<String, Object> bad = Map.of(
                "indicators", List.of(
                        Map.of("code", "COVERAGE", "weight", 0),
                        Map.of("code", "POPULARITY", "weight", 10)),
                "deductions", List.of(
                        Map.of("code", "OVERDUE_MAJOR", "pointsEach", 5, "cap", -1),
                        Map.of("code", "LONG_OVERDUE_GENERAL", "pointsEach", 1, "cap", 10, "threshold", "a month")),
                "demonstration", Map.of("minIndex", 120, "minCoverage", 90));

        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(bad).put("/api/v1/rubrics/broken")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItems("indicators[0].weight", "indicators[1].code", "deductions[0].cap",
                        "deductions[1].threshold", "demonstration.minIndex"))
                .body("errors", hasSize(5));
        given().header("Authorization", ADMIN).get("/api/v1/rubrics/broken").then().statusCode(404);
        given().header("Authorization", ADMIN).get("/api/v1/rubrics")
                .then().body("items.findAll { it.active }.version", equalTo(List.of("2024.1")));
    }

    @Test
    void onlyAnAdminMayChangeARubricAndBadInputIsAProblem() throws IOException {
        Map<String, Object> shipped = shippedRubric();
        given().contentType(ContentType.JSON).body(shipped).put("/api/v1/rubrics/2024.1").then().statusCode(401);
        for (String role : List.of("PROVINCE_REGULATOR", "COUNTY_REGULATOR", "EXPERT", "ENTERPRISE", "AGENCY_SYSTEM")) {
            given().header("Authorization", TestTokens.bearer(role)).contentType(ContentType.JSON).body(shipped)
                    .put("/api/v1/rubrics/2024.1").then().statusCode(403).contentType("application/problem+json");
        }
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"indicators\": [")
                .put("/api/v1/rubrics/2024.1").then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"indicators\": [{\"code\": \"COVERAGE\", \"weight\": \"heavy\"}]}")
                .put("/api/v1/rubrics/2024.1").then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(shipped)
                .put("/api/v1/rubrics/{v}", "no spaces allowed").then().statusCode(422).body("errors.field", hasItem("version"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(shipped).header("If-Match", "\"999\"")
                .put("/api/v1/rubrics/2024.1").then().statusCode(412);

        String etag = given().header("Authorization", TestTokens.bearer("ENTERPRISE")).get("/api/v1/rubrics/2024.1")
                .then().statusCode(200).body("indicators", hasSize(5)).body("deductions[1].threshold", equalTo("P30D"))
                .extract().header("ETag");
        assertThat(etag).isNotBlank();
        given().header("Authorization", ADMIN).get("/api/v1/rubrics/none").then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", ADMIN).queryParam("size", 0).get("/api/v1/rubrics").then().statusCode(422);
    }

    static Map<String, Object> shippedRubric() throws IOException {
        try (InputStream in = RubricResourceTest.class.getResourceAsStream("/rubrics/2024.1.json")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> doc = EventJson.mapper().readValue(in, Map.class);
            EventJson.mapper().convertValue(doc, RubricDocument.class); // still the shape the service reads
            return doc;
        }
    }

}
