package io.rectify.hazard.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rectify.hazard.support.HazardFixtures.Place;
import io.rectify.hazard.support.HazardTestBase;
import io.rectify.platform.warmup.WarmUp;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.rectify.hazard.support.HazardFixtures.newCreditCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

/**
 * The start-up warm-up reports hazards as a request does, and leaves nothing behind: no hazard, history
 * entry, chain head, outbox event or idempotency record. Its readiness check is part of /q/health/ready.
 */
@QuarkusTest
class WarmUpTest extends HazardTestBase {

    /** Where a warm-up report would show if its transaction were not rolled back. */
    private static final Map<String, String> TRACES = Map.of(
            "hazard", "select count(*) from hazard where description like 'warm-up % (rolled back)'",
            "hazard_history", "select count(*) from hazard_history where payload::text like '%(rolled back)%'",
            "outbox_event", "select count(*) from outbox_event where payload like '%(rolled back)%'");

    @Inject
    @Readiness
    WarmUp warmUp;

    @Inject
    ReportWarmUp reportWarmUp;

    @Inject
    EntityManager em;

    @Test
    void theRoundsRunTheReportPathAndLeaveNoTrace() {
        Place place = newCounty();
        reportGeneral(place, newCreditCode());

        int rounds = warmUp.run(List.of(reportWarmUp));

        assertThat(rounds).as("rounds run (a failing routine is dropped after its first failure)").isEqualTo(20);
        assertThat(traces()).containsOnly(Map.entry("hazard", 0L), Map.entry("hazard_history", 0L), Map.entry("outbox_event", 0L));
    }

    @Test
    void readinessNamesTheWarmUp() {
        RestAssured.given().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItem("warm-up"));
    }

    private Map<String, Long> traces() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            TRACES.forEach((table, sql) -> counts.put(table, ((Number) em.createNativeQuery(sql).getSingleResult()).longValue()));
            return counts;
        });
    }
}
