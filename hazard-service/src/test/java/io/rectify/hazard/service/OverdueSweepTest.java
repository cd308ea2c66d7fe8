package io.rectify.hazard.service;

import io.quarkus.test.junit.QuarkusTest;
import io.rectify.contracts.Topics;
import io.rectify.hazard.support.HazardFixtures.Place;
import io.rectify.hazard.support.HazardTestBase;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import io.rectify.platform.testing.DatabaseSuperuser;
import io.restassured.RestAssured;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.rectify.hazard.support.HazardFixtures.HAZARDS;
import static io.rectify.hazard.support.HazardFixtures.act;
import static io.rectify.hazard.support.HazardFixtures.admin;
import static io.rectify.hazard.support.HazardFixtures.countyRegulator;
import static io.rectify.hazard.support.HazardFixtures.enterprise;
import static io.rectify.hazard.support.HazardFixtures.generalReport;
import static io.rectify.hazard.support.HazardFixtures.given;
import static io.rectify.hazard.support.HazardFixtures.plan;
import static io.rectify.hazard.support.HazardFixtures.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** HazardOverdue once per due date, with the scheduler (every second in tests) and extra sweeps racing it. */
@QuarkusTest
class OverdueSweepTest extends HazardTestBase {

    @Inject
    OverdueSweep sweep;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    private String reportOverdue(Place p, String creditCode) {
        Map<String, Object> body = generalReport(p, creditCode, "SELF_CHECK");
        body.remove("rectificationDays");
        body.put("dueAt", Instant.now().minus(2, ChronoUnit.HOURS).toString());
        return given(admin()).body(body).post(HAZARDS).then().statusCode(201).body("overdue", equalTo(true)).extract().path("id");
    }

    private List<ConsumerRecord<String, String>> overdueEvents(Set<String> ids) {
        return KAFKA.readAll(prefix + Topics.HAZARD_EVENTS,
                r -> ids.contains(r.key()) && "rectify.hazard.HazardOverdue.v1".equals(type(r)));
    }

    @Test
    void anOverdueHazardIsAnnouncedOncePerDueDate() throws Exception {
        Place place = newCounty();
        String code = newEnterprise(place);
        String id = reportOverdue(place, code);
        String onTime = reportGeneral(place, code);

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> overdueEvents(Set.of(id)).size() == 1);
        assertThat(sweep.sweep()).isZero();   // a restart or another instance finds nothing left to announce
        hazardEvents(id, 2);
        assertThat(overdueEvents(Set.of(id, onTime))).hasSize(1);
        ConsumerRecord<String, String> event = overdueEvents(Set.of(id)).get(0);
        assertThat(event.value()).contains("\"overdue\":true").contains("\"status\":\"OPEN\"");

        JsonPath overdue = given(countyRegulator(place)).queryParam("overdue", true).get(HAZARDS).then().statusCode(200).extract().jsonPath();
        assertThat(overdue.getList("items.id", String.class)).containsExactly(id);
        JsonPath notOverdue = given(countyRegulator(place)).queryParam("overdue", false).get(HAZARDS).then().extract().jsonPath();
        assertThat(notOverdue.getList("items.id", String.class)).containsExactly(onTime);
        given(admin()).get(HAZARDS + "/" + id + "/history").then().body("items[1].action", equalTo("OVERDUE"),
                "items[1].role", equalTo("SYSTEM"), "items[1].fromStatus", equalTo("OPEN"), "items[1].toStatus", equalTo("OPEN"));

        // planning does not restart the announcement: still the same due date
        act(enterprise(code), id, "plan", plan(yesterday()), -1).statusCode(412);
        long version = given(admin()).get(HAZARDS + "/" + id).then().extract().jsonPath().getLong("version");
        act(enterprise(code), id, "plan", plan(yesterday()), version).statusCode(200).body("overdue", equalTo(true));
        assertThat(sweep.sweep()).isZero();
        // an extension moves the due date into the future: no longer overdue
        act(countyRegulator(place), id, "deadline-extensions",
                Map.of("newDueAt", Instant.now().plus(3, ChronoUnit.DAYS).toString(), "reason", "parts on order"))
                .statusCode(200).body("overdue", equalTo(false));
        assertThat(sweep.sweep()).isZero();
        assertThat(overdueEvents(Set.of(id))).hasSize(1);
    }

    private static String yesterday() {
        return java.time.LocalDate.now().minusDays(1).toString();
    }

    @Test
    void racingSweepsAnnounceEachHazardExactlyOnce() throws Exception {
        Place place = newCounty();
        String code = newEnterprise(place);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            ids.add(reportOverdue(place, code));
        }
        CountDownLatch start = new CountDownLatch(1);
        Callable<Integer> instance = () -> {
            start.await();
            int n = 0;
            for (int round = 0; round < 3; round++) {
                n += sweep.sweep();
            }
            return n;
        };
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<Integer>> runs = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                runs.add(pool.submit(instance));
            }
            start.countDown();
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> overdueEvents(ids).size() >= ids.size());
        List<ConsumerRecord<String, String>> events = overdueEvents(ids);
        assertThat(events).extracting(ConsumerRecord::key).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
        JsonPath summary = given(admin()).get("/api/v1/counties/" + place.county() + "/hazard-summary").then().extract().jsonPath();
        assertThat(summary.getLong("overdue")).isEqualTo(30);
    }

    @Test
    void aHazardThatCannotBeAnnouncedDoesNotHoldBackTheOthers() {
        Place place = newCounty();
        String code = newEnterprise(place);
        String broken = reportGeneral(place, code);
        Set<String> others = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            others.add(reportGeneral(place, code));
        }
        double heldBefore = heldBack();
        // the broken hazard's chain head forgets its REPORT line, so its OVERDUE line collides with seq 1 (as a
        // register imported without its chain heads would); then all four fall due, the broken one first
        DatabaseSuperuser.execute(jdbcUrl, """
                update audit_chain_head set seq = 0, hash = null where trail = 'hazard_history' and aggregate_id = '%1$s';
                update hazard set due_at = now() - interval '3 hours' where id = '%1$s';
                update hazard set due_at = now() - interval '2 hours' where county_code = '%2$s' and id <> '%1$s'
                """.formatted(broken, place.county()));
        try {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> overdueEvents(others).size() == others.size());
            assertThat(overdueEvents(Set.of(broken))).isEmpty();
            assertThat(heldBack()).isGreaterThan(heldBefore);
        } finally {
            // repaired: the head points at the REPORT line again
            DatabaseSuperuser.execute(jdbcUrl, """
                    update audit_chain_head h set seq = l.seq, hash = l.hash from hazard_history l
                     where h.trail = 'hazard_history' and h.aggregate_id = '%1$s' and l.hazard_id = '%1$s' and l.seq = 1
                    """.formatted(broken));
        }
        // and the next round announces it, once; the others are not announced again
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> overdueEvents(Set.of(broken)).size() == 1);
        assertThat(sweep.sweep()).isZero();
        assertThat(overdueEvents(others)).extracting(ConsumerRecord::key).doesNotHaveDuplicates().hasSize(others.size());
    }

    private static double heldBack() {
        String body = RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        return body.lines().filter(l -> l.startsWith("rectify_hazard_overdue_held_back_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(0);
    }
}
