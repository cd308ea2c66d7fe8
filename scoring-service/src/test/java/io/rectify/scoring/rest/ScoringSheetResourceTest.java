package io.rectify.scoring.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.rectify.contracts.EventJson;
import io.rectify.platform.testing.TestTokens;
import io.rectify.scoring.support.ScoringTestBase;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.rectify.scoring.support.ScoringFixtures.ADMIN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class ScoringSheetResourceTest extends ScoringTestBase {

    @Test
    void theSeededSheetIsServedAndASheetWhosePointsDoNotAddUpIsRefused() throws IOException {
        given().header("Authorization", TestTokens.bearer("EXPERT")).get("/api/v1/scoring-sheets/2024.1")
                .then().statusCode(200).body("period", equalTo(2024)).body("active", equalTo(true)).body("total", equalTo(100))
                .body("sections", hasSize(6))
                .body("sections.keyTask", hasItems("THREE_ONES", "EQUIPMENT_RUNNING_WITH_DEFECTS", "FINE_CHEMICAL_FOUR_ZEROINGS",
                        "MAJOR_HAZARD_INSTALLATIONS", "CHEMICAL_PARKS", "RECTIFICATION_CLOSURE"))
                .body("sections.find { it.keyTask == 'MAJOR_HAZARD_INSTALLATIONS' }.items.textZh", hasItem(containsString("重大危险源")));

        Map<String, Object> sheet = shippedSheet();
        sheet.remove("version"); // stored under the path's version
        sheet.put("total", 90);
        String version = "test-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(sheet).put("/api/v1/scoring-sheets/{v}", version)
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("total")))
                .body("errors[0].message", equalTo("the items' points add up to 100, not to the total 90"));
        given().header("Authorization", ADMIN).get("/api/v1/scoring-sheets/{v}", version).then().statusCode(404);

        // every key task must be covered
        @SuppressWarnings("unchecked")
        List<Object> sections = (List<Object>) sheet.get("sections");
        sections.remove(0);
        sheet.put("total", 85);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(sheet).put("/api/v1/scoring-sheets/{v}", version)
                .then().statusCode(422).body("errors.field", equalTo(List.of("sections")))
                .body("errors[0].message", containsString("THREE_ONES"));

        given().header("Authorization", TestTokens.bearer("PROVINCE_REGULATOR")).contentType(ContentType.JSON).body(shippedSheet())
                .put("/api/v1/scoring-sheets/2024.1").then().statusCode(403);
        given().header("Authorization", ADMIN).get("/api/v1/scoring-sheets")
                .then().statusCode(200).body("items.findAll { it.active && it.period == 2024 }", hasSize(1));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> shippedSheet() throws IOException {
        try (InputStream in = ScoringSheetResourceTest.class.getClassLoader().getResourceAsStream("scoring-sheets/2024.1.json")) {
            return EventJson.mapper().readValue(in, Map.class);
        }
    }
}
