package io.rectify.hazard.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.rectify.contracts.CloudEvent;
import io.rectify.contracts.EventJson;
import io.rectify.hazard.support.HazardFixtures.Place;
import io.rectify.hazard.support.HazardFixtures;
import io.rectify.hazard.support.HazardTestBase;
import io.rectify.platform.testing.TopicProbe;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.rectify.hazard.support.HazardFixtures.HAZARDS;
import static io.rectify.hazard.support.HazardFixtures.act;
import static io.rectify.hazard.support.HazardFixtures.admin;
import static io.rectify.hazard.support.HazardFixtures.assertProblem;
import static io.rectify.hazard.support.HazardFixtures.cityRegulator;
import static io.rectify.hazard.support.HazardFixtures.countyRegulator;
import static io.rectify.hazard.support.HazardFixtures.enterprise;
import static io.rectify.hazard.support.HazardFixtures.expert;
import static io.rectify.hazard.support.HazardFixtures.generalReport;
import static io.rectify.hazard.support.HazardFixtures.given;
import static io.rectify.hazard.support.HazardFixtures.majorReport;
import static io.rectify.hazard.support.HazardFixtures.plan;
import static io.rectify.hazard.support.HazardFixtures.provinceRegulator;
import static io.rectify.hazard.support.HazardFixtures.rectification;
import static io.rectify.hazard.support.HazardFixtures.toVerified;
import static io.rectify.hazard.support.HazardFixtures.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** The lifecycle over HTTP against the real database and broker, with its events read back from hazard.events. */
@QuarkusTest
class HazardLifecycleTest extends HazardTestBase {

    @Test
    void happyPathToSignedOffWithEveryEventInOrder() throws Exception {
        Place place = newCounty();
        String code = newEnterprise(place);
        String me = enterprise(code);

        Response reported = given(me).body(generalReport(place, code, "SELF_CHECK")).post(HAZARDS);
        reported.then().statusCode(201).header("ETag", "\"0\"")
                .body("status", equalTo("OPEN"), "source", equalTo("SELF_CHECK"), "overdue", equalTo(false),
                        "city", equalTo(place.city()), "province", equalTo(place.province()), "version", equalTo(0));
        String id = reported.path("id");
        assertThat(reported.header("Location")).endsWith(HAZARDS + "/" + id);

        act(me, id, "plan", plan(), 0).statusCode(200).header("ETag", "\"1\"")
                .body("status", equalTo("RECTIFYING"), "plan.responsiblePerson", equalTo("Wang Fang, plant manager"));
        act(me, id, "rectification", rectification(me), 1).statusCode(200).header("ETag", "\"2\"")
                .body("status", equalTo("PENDING_VERIFICATION"), "rectification.evidence[0].kind", equalTo("PHOTO"));
        act(expert(place), id, "verification", Map.of("outcome", "ACCEPTED", "comment", "seen on site"), 2)
                .statusCode(200).header("ETag", "\"3\"").body("status", equalTo("VERIFIED"));
        act(me, id, "sign-off", Map.of("comment", "closed"), 3).statusCode(200).header("ETag", "\"4\"")
                .body("status", equalTo("SIGNED_OFF"), "signedOffAt", org.hamcrest.Matchers.notNullValue());

        given(me).get(HAZARDS + "/" + id).then().statusCode(200).header("ETag", "\"4\"").body("version", equalTo(4));

        JsonPath history = given(me).get(HAZARDS + "/" + id + "/history").then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("items.action", String.class))
                .containsExactly("REPORT", "PLAN", "SUBMIT_RECTIFICATION", "VERIFY_ACCEPT", "SIGN_OFF");
        assertThat(history.getList("items.toStatus", String.class))
                .containsExactly("OPEN", "RECTIFYING", "PENDING_VERIFICATION", "VERIFIED", "SIGNED_OFF");
        assertThat(history.getList("items.fromStatus", String.class))
                .containsExactly(null, "OPEN", "RECTIFYING", "PENDING_VERIFICATION", "VERIFIED");
        assertThat(history.getList("items.role", String.class))
                .containsExactly("ENTERPRISE", "ENTERPRISE", "ENTERPRISE", "EXPERT", "ENTERPRISE");
        assertThat(history.getList("items.who", String.class)).containsOnly("test-enterprise", "test-expert");
        assertThat(history.getString("items[1].payload.contingencyPlan")).isEqualTo("Isolate the line and switch to the standby feed");
        assertThat(history.getInt("total")).isEqualTo(5);

        List<ConsumerRecord<String, String>> events = hazardEvents(id, 5);
        assertThat(events).extracting(HazardFixtures::type).containsExactly(
                "rectify.hazard.HazardReported.v1", "rectify.hazard.RectificationPlanSubmitted.v1",
                "rectify.hazard.RectificationSubmitted.v1", "rectify.hazard.HazardVerified.v1", "rectify.hazard.HazardSignedOff.v1");
        List<Long> versions = new ArrayList<>();
        for (ConsumerRecord<String, String> r : events) {
            assertThat(r.key()).isEqualTo(id);
            assertThat(TopicProbe.header(r, CloudEvent.H_SUBJECT)).isEqualTo(id);
            assertThat(TopicProbe.header(r, CloudEvent.H_SOURCE)).isEqualTo("/hazard-service");
            assertThat(TopicProbe.header(r, CloudEvent.H_SPECVERSION)).isEqualTo("1.0");
            JsonNode snapshot = EventJson.mapper().readTree(r.value()).get("hazard");
            assertThat(snapshot.get("countyCode").asText()).isEqualTo(place.county());
            assertThat(snapshot.get("city").asText()).isEqualTo(place.city());
            assertThat(snapshot.get("province").asText()).isEqualTo(place.province());
            assertThat(snapshot.get("enterpriseCreditCode").asText()).isEqualTo(code);
            versions.add(snapshot.get("version").asLong());
        }
        assertThat(versions).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(EventJson.mapper().readTree(events.get(4).value()).at("/hazard/status").asText()).isEqualTo("SIGNED_OFF");
        assertThat(EventJson.mapper().readTree(events.get(1).value()).at("/plan/fundingCny").decimalValue())
                .isEqualByComparingTo("12000.50");
    }

    @Test
    void rejectionLoopCountsRejectionsAndNeedsAReason() {
        Place place = newCounty();
        String code = newEnterprise(place);
        String id = reportGeneral(place, code);
        act(enterprise(code), id, "plan", plan()).statusCode(200);

        for (int round = 1; round <= 2; round++) {
            act(enterprise(code), id, "rectification", rectification(enterprise(code))).statusCode(200);
            assertProblem(act(countyRegulator(place), id, "verification", Map.of("outcome", "REJECTED")), 422);
            act(countyRegulator(place), id, "verification", Map.of("outcome", "REJECTED", "comment", "detector not calibrated"))
                    .statusCode(200).body("status", equalTo("RECTIFYING"), "rejections", equalTo(round));
        }
        act(enterprise(code), id, "rectification", rectification(enterprise(code))).statusCode(200);
        act(countyRegulator(place), id, "verification", Map.of("outcome", "ACCEPTED")).statusCode(200)
                .body("status", equalTo("VERIFIED"), "rejections", equalTo(2));

        List<ConsumerRecord<String, String>> events = hazardEvents(id, 8);
        assertThat(events).extracting(HazardFixtures::type).containsExactly(
                "rectify.hazard.HazardReported.v1", "rectify.hazard.RectificationPlanSubmitted.v1",
                "rectify.hazard.RectificationSubmitted.v1", "rectify.hazard.VerificationRejected.v1",
                "rectify.hazard.RectificationSubmitted.v1", "rectify.hazard.VerificationRejected.v1",
                "rectify.hazard.RectificationSubmitted.v1", "rectify.hazard.HazardVerified.v1");
        assertThat(events.get(3).value()).contains("\"reason\":\"detector not calibrated\"").contains("\"rejections\":1");
    }

    @Test
    void extensionByARegulatorAtMostTwiceToALaterDate() {
        Place place = newCounty();
        String code = newEnterprise(place);
        String id = reportGeneral(place, code);
        Instant due = Instant.parse(given(admin()).get(HAZARDS + "/" + id).path("dueAt"));

        Instant first = due.plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant second = first.plus(10, ChronoUnit.DAYS);
        assertProblem(act(enterprise(code), id, "deadline-extensions", Map.of("newDueAt", first.toString(), "reason", "x")), 403);
        assertProblem(act(countyRegulator(place), id, "deadline-extensions", Map.of("newDueAt", first.toString())), 422);
        act(countyRegulator(place), id, "deadline-extensions", Map.of("newDueAt", due.minus(1, ChronoUnit.DAYS).toString(), "reason", "x"))
                .statusCode(422).body("errors[0].field", equalTo("newDueAt"));

        act(countyRegulator(place), id, "deadline-extensions", Map.of("newDueAt", first.toString(), "reason", "parts on order"))
                .statusCode(200).body("extensions", equalTo(1), "dueAt", equalTo(first.toString()), "status", equalTo("OPEN"));
        act(enterprise(code), id, "plan", plan()).statusCode(200);
        act(cityRegulator(place), id, "deadline-extensions", Map.of("newDueAt", second.toString(), "reason", "supplier delay"))
                .statusCode(200).body("extensions", equalTo(2), "status", equalTo("RECTIFYING"));
        act(provinceRegulator(place), id, "deadline-extensions",
                Map.of("newDueAt", second.plus(5, ChronoUnit.DAYS).toString(), "reason", "once more"))
                .statusCode(409).contentType("application/problem+json").body("extensions", equalTo(2));

        List<ConsumerRecord<String, String>> events = hazardEvents(id, 4);
        assertThat(events).extracting(HazardFixtures::type).containsExactly("rectify.hazard.HazardReported.v1",
                "rectify.hazard.DeadlineExtended.v1", "rectify.hazard.RectificationPlanSubmitted.v1", "rectify.hazard.DeadlineExtended.v1");
        assertThat(events.get(1).value()).contains("\"previousDueAt\":\"" + due + "\"").contains("\"newDueAt\":\"" + first + "\"");
    }

    @Test
    void reopenASignedOffHazardWithAReason() {
        Place place = newCounty();
        String code = newEnterprise(place);
        String id = reportGeneral(place, code);
        assertProblem(act(countyRegulator(place), id, "reopen", Map.of("reason", "recurred")), 409);
        toVerified(place, code, id);
        act(enterprise(code), id, "sign-off", null).statusCode(200).body("status", equalTo("SIGNED_OFF"));

        assertProblem(act(enterprise(code), id, "reopen", Map.of("reason", "recurred")), 403);
        act(countyRegulator(place), id, "reopen", Map.of("reason", " ")).statusCode(422).body("errors[0].field", equalTo("reason"));
        act(countyRegulator(place), id, "reopen", Map.of("reason", "leak found again at the same flange"))
                .statusCode(200).body("status", equalTo("RECTIFYING"), "reopenings", equalTo(1), "signedOffAt", org.hamcrest.Matchers.nullValue());

        List<ConsumerRecord<String, String>> events = hazardEvents(id, 6);
        assertThat(type(events.get(5))).isEqualTo("rectify.hazard.HazardReopened.v1");
        assertThat(events.get(5).value()).contains("\"reopenings\":1").contains("leak found again");
    }

    @Test
    void outOfOrderTransitionNamesTheStatusAndTheAllowedActions() {
        Place place = newCounty();
        String code = newEnterprise(place);
        String id = reportGeneral(place, code);
        act(countyRegulator(place), id, "sign-off", Map.of()).statusCode(409).contentType("application/problem+json")
                .body("currentStatus", equalTo("OPEN"), "allowedActions", hasItems("PLAN", "EXTEND_DEADLINE"));
        act(enterprise(code), id, "rectification", rectification(enterprise(code))).statusCode(409).body("currentStatus", equalTo("OPEN"));
        act(expert(place), id, "verification", Map.of("outcome", "ACCEPTED")).statusCode(409);
    }

    @Test
    void staleIfMatchIs412AndTwoRacingUpdatesGiveOne200AndOne412() throws Exception {
        Place place = newCounty();
        String code = newEnterprise(place);
        String id = reportGeneral(place, code);
        assertProblem(act(enterprise(code), id, "plan", plan(), 7), 412);

        CountDownLatch start = new CountDownLatch(1);
        Callable<Integer> racer = () -> {
            start.await();
            return act(enterprise(code), id, "plan", plan(), 0).extract().statusCode();
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = pool.submit(racer);
            Future<Integer> b = pool.submit(racer);
            start.countDown();
            assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(200, 412);
        } finally {
            pool.shutdownNow();
        }
        given(admin()).get(HAZARDS + "/" + id).then().body("version", equalTo(1), "status", equalTo("RECTIFYING"));
        assertThat(given(admin()).get(HAZARDS + "/" + id + "/history").then().extract().jsonPath().getInt("total")).isEqualTo(2);
    }

    @Test
    void majorHazardIsUnderCountySupervisionAndSignedOffOnlyByARegulator() {
        Place place = newCounty();
        String code = newEnterprise(place);
        String id = given(countyRegulator(place)).body(majorReport(place, code)).post(HAZARDS).then().statusCode(201)
                .body("supervisionLevel", equalTo("COUNTY"), "majorCriterion", equalTo("MHC-07"), "source", equalTo("REGULATOR"))
                .extract().path("id");
        toVerified(place, code, id);
        act(enterprise(code), id, "sign-off", Map.of()).statusCode(403).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("major"));
        act(expert(place), id, "sign-off", Map.of()).statusCode(403);
        act(countyRegulator(place), id, "sign-off", Map.of("comment", "listed supervision lifted")).statusCode(200)
                .body("status", equalTo("SIGNED_OFF"));
    }
}
