package io.rectify.hazard.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rectify.hazard.support.HazardFixtures.Place;
import io.rectify.hazard.support.HazardTestBase;
import io.rectify.platform.warmup.WarmUp;
import io.rectify.platform.warmup.WarmUpRoutine;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

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
        long served = reportWarmUp.served();
        reportGeneral(place, newCreditCode());
        assertThat(reportWarmUp.served()).as("a request's report counts as served").isEqualTo(served + 1);

        int rounds = warmUp.run(List.of(reportWarmUp));

        assertThat(rounds).as("rounds run (a failing routine is dropped after its first failure)").isEqualTo(20);
        assertThat(reportWarmUp.served()).as("the rounds' own reports do not count as served").isEqualTo(served + 1);
        assertThat(traces()).containsOnly(Map.entry("hazard", 0L), Map.entry("hazard_history", 0L), Map.entry("outbox_event", 0L));
    }

    @Test
    void requestsOnThePathDuringTheWarmUpCountTowardsItsRounds() {
        AtomicLong requests = new AtomicLong();
        WarmUpRoutine busy = new WarmUpRoutine() {
            public String name() {
                return "path with requests";
            }

            public boolean prepare() {
                return true;
            }

            public void round(int round) {
                requests.addAndGet(3); // three requests ran the path while this round did
            }

            public long served() {
                return requests.get();
            }
        };

        // 20 rounds (the tests' rectify.warm-up.rounds): after 5 of them, 15 requests had run the path too
        assertThat(warmUp.run(List.of(busy))).isEqualTo(5);
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
