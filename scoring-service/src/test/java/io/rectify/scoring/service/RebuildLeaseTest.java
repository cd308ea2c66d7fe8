package io.rectify.scoring.service;

import io.rectify.scoring.support.CountyStory;
import io.rectify.scoring.support.ScoringTestBase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.rectify.scoring.support.ScoringFixtures.ADMIN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/**
 * A rebuild on another instance of scoring-service (a {@code rebuild_lease} row this JVM does not hold)
 * stops this instance's recomputation until the lease is given up or runs out, and refuses a second rebuild
 * here: with two replicas, the other one used to publish answers from the facts a rebuild was re-reading.
 */
@QuarkusTest
class RebuildLeaseTest extends ScoringTestBase {

    @AfterEach
    void noForeignLease() {
        QuarkusTransaction.requiringNew().run(() -> sql.update("delete from rebuild_lease where holder = 'another-instance'"));
    }

    @Test
    void aRebuildHeldElsewhereHoldsRecomputationHereUntilItsLeaseRunsOut() {
        Instant now = Instant.now();
        CountyStory county = CountyStory.create();
        String enterprise = CountyStory.newCreditCode();
        upstream.publish(county.registered());
        upstream.publish(county.enterprise(enterprise));
        upstream.publish(county.inspected(enterprise, now));
        CountyStory.Hazard hazard = county.hazard("GENERAL", now.plus(Duration.ofDays(10)));
        upstream.publish(hazard.reported("OPEN", 0));
        await().atMost(Duration.ofSeconds(45)).until(() -> hazardFacts(hazard, "OPEN") == 1 && marks(county) == 0 && revision(county) > 0);
        long before = revision(county);

        holdLeaseElsewhere("clock_timestamp()");
        upstream.publish(hazard.signedOff(now, 5)); // RECTIFICATION 0/1 -> 1/1: the answer would change
        await().atMost(Duration.ofSeconds(45)).until(() -> hazardFacts(hazard, "SIGNED_OFF") == 1);
        // the fact is in, its mark stays, and no round or tick of this instance answers it meanwhile
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> marks(county) > 0 && revision(county) == before);
        given().header("Authorization", ADMIN).post("/api/v1/admin/rebuild")
                .then().statusCode(409).body("detail", containsString("another instance"));

        // the holder died: once its lease has run out, the marks are answered as usual
        QuarkusTransaction.requiringNew().run(() -> sql.update(
                "update rebuild_lease set renewed_at = clock_timestamp() - interval '1 day' where holder = 'another-instance'"));
        await().atMost(Duration.ofSeconds(45)).until(() -> revision(county) == before + 1 && marks(county) == 0);
    }

    private void holdLeaseElsewhere(String renewedAt) {
        QuarkusTransaction.requiringNew().run(() -> sql.update(
                "insert into rebuild_lease (holder, started_at, renewed_at) values ('another-instance', clock_timestamp(), " + renewedAt + ")"));
    }

    private long hazardFacts(CountyStory.Hazard hazard, String status) {
        return count("select count(*) from hazard_fact where id = ? and status = ?", hazard.id, status);
    }

    private long marks(CountyStory county) {
        return count("select count(*) from pending_recompute where county_code = ?", county.code);
    }

    private long revision(CountyStory county) {
        return count("select coalesce(max(revision), 0) from county_index_current where county_code = ?", county.code);
    }
}
