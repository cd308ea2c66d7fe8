package io.rectify.scoring.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import io.rectify.scoring.support.ScoringTestBase;

import static io.rectify.scoring.support.ScoringFixtures.ADMIN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

/** Every change of a rubric lands in its hash chain: stored and activated, then deactivated when another takes over. */
@QuarkusTest
class RubricTrailTest extends ScoringTestBase {

    @Test
    void storingAndReplacingARubricIsChainedPerVersion() throws IOException {
        String version = "trail-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> shipped = RubricResourceTest.shippedRubric();
        // the shipped document names its own version (2024.1): stored under another, it must not say so
        Map<String, Object> renamed = new java.util.HashMap<>(shipped);
        renamed.remove("version");
        try {
            given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(renamed)
                    .put("/api/v1/rubrics/{version}", version).then().statusCode(200);
        } finally {
            given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(shipped)
                    .put("/api/v1/rubrics/2024.1").then().statusCode(200);
        }
        given().header("Authorization", ADMIN).get("/api/v1/audit/trails/rubric_trail/{version}/verification", version)
                .then().statusCode(200).body("intact", equalTo(true)).body("entries", equalTo(2));
        // installed at start, then deactivated and stored again here (at least)
        given().header("Authorization", ADMIN).get("/api/v1/audit/trails/rubric_trail/2024.1/verification")
                .then().statusCode(200).body("intact", equalTo(true)).body("entries", greaterThanOrEqualTo(3));
        given().header("Authorization", ADMIN).get("/api/v1/audit/verification")
                .then().statusCode(200).body("intact", equalTo(true));
    }
}
