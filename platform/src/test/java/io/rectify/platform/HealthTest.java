package io.rectify.platform;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectify.platform.testing.StandaloneBrokerResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Health that means something: readiness fails while the broker is away and comes back with it, and
 * reports the outbox backlog; liveness stays up throughout (restarting the service would not bring the
 * broker back). The database side is the datasource's readiness check, which liveness does not include.
 */
@QuarkusTest
@QuarkusTestResource(StandaloneBrokerResource.class)
class HealthTest {

    @Test
    void readinessFollowsTheBrokerAndLivenessDoesNot() {
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/q/health/ready").statusCode() == 200);
        given().get("/q/health/ready").then().body("checks.find { it.name == 'kafka' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'outbox' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'outbox' }.data.backlog", org.hamcrest.Matchers.notNullValue());
        String live = given().get("/q/health/live").then().statusCode(200).extract().asString();
        assertThat(live).doesNotContainIgnoringCase("datasource").doesNotContainIgnoringCase("database")
                .doesNotContain("\"kafka\"").doesNotContain("outbox");

        StandaloneBrokerResource.broker().stop();
        try {
            await("readiness fails without the broker").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> given().get("/q/health/ready").statusCode() == 503);
            given().get("/q/health/live").then().statusCode(200);
        } finally {
            StandaloneBrokerResource.broker().start();
        }
        await("ready again with the broker").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
        given().get("/q/health/live").then().statusCode(200);
    }
}
