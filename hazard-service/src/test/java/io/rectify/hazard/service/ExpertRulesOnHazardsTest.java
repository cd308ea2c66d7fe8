package io.rectify.hazard.service;

import io.quarkus.test.junit.QuarkusTest;
import io.rectify.contracts.CloudEvent;
import io.rectify.contracts.EventJson;
import io.rectify.contracts.Topics;
import io.rectify.contracts.hazard.SupervisionRaised;
import io.rectify.contracts.inspection.ConflictDeclared;
import io.rectify.contracts.notification.EscalationRaised;
import io.rectify.hazard.support.HazardFixtures.Place;
import io.rectify.hazard.support.HazardFixtures;
import io.rectify.hazard.support.HazardTestBase;
import io.rectify.platform.testing.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.rectify.hazard.support.HazardFixtures.HAZARDS;
import static io.rectify.hazard.support.HazardFixtures.act;
import static io.rectify.hazard.support.HazardFixtures.admin;
import static io.rectify.hazard.support.HazardFixtures.cityRegulator;
import static io.rectify.hazard.support.HazardFixtures.countyRegulator;
import static io.rectify.hazard.support.HazardFixtures.enterprise;
import static io.rectify.hazard.support.HazardFixtures.expert;
import static io.rectify.hazard.support.HazardFixtures.given;
import static io.rectify.hazard.support.HazardFixtures.majorReport;
import static io.rectify.hazard.support.HazardFixtures.plan;
import static io.rectify.hazard.support.HazardFixtures.provinceRegulator;
import static io.rectify.hazard.support.HazardFixtures.rectification;
import static io.rectify.hazard.support.HazardFixtures.toVerified;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Supervision that rises with the chase (an EscalationRaised on notification.events, as notification-service
 * publishes it) and impartial experts at verification (a ConflictDeclared on inspection.events).
 */
@QuarkusTest
class ExpertRulesOnHazardsTest extends HazardTestBase {

    private void publishEscalation(EscalationRaised e, UUID eventId) {
        KAFKA.publish(prefix + Topics.NOTIFICATION_EVENTS, e.hazardId().toString(),
                new CloudEvent(eventId, CloudEvent.typeOf("notification", "EscalationRaised"), "/notification-service",
                        e.hazardId().toString(), Instant.now()), EventJson.write(e));
    }

    private static EscalationRaised escalation(Place p, String code, String id, String step, String level) {
        return new EscalationRaised(UUID.randomUUID(), UUID.fromString(id), p.county(), code, "MAJOR", step, level, "WEBHOOK",
                "https://city.example/hook", Instant.now().minus(Duration.ofDays(3)), Instant.now());
    }

    @Test
    void theChasesEscalationToTheCityRaisesSupervisionAndTheCountyMayNoLongerSignOff() {
        Place place = newCounty();
        String code = newEnterprise(place); // reports name a registered enterprise
        String id = given(countyRegulator(place)).body(majorReport(place, code)).post(HAZARDS).then().statusCode(201)
                .body("supervisionLevel", equalTo("COUNTY")).extract().path("id");

        EscalationRaised toCity = escalation(place, code, id, "ESCALATE_CITY", "CITY");
        UUID eventId = UUID.randomUUID();
        publishEscalation(toCity, eventId);
        publishEscalation(toCity, eventId); // a redelivery changes nothing
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                "CITY".equals(given(admin()).get(HAZARDS + "/" + id).then().extract().path("supervisionLevel")));

        List<ConsumerRecord<String, String>> events = hazardEvents(id, 2);
        assertThat(events).extracting(HazardFixtures::type)
                .containsExactly("rectify.hazard.HazardReported.v1", "rectify.hazard.SupervisionRaised.v1");
        SupervisionRaised raised = EventJson.read(events.get(1).value(), SupervisionRaised.class);
        assertThat(raised.fromLevel()).isEqualTo("COUNTY");
        assertThat(raised.toLevel()).isEqualTo("CITY");
        assertThat(raised.escalationId()).isEqualTo(toCity.notificationId());
        assertThat(raised.hazard().supervisionLevel()).isEqualTo("CITY");
        List<String> trail = given(admin()).get(HAZARDS + "/" + id + "/history").then().statusCode(200).extract().jsonPath().getList("items.action");
        assertThat(trail).containsExactly("REPORT", "RAISE_SUPERVISION");

        toVerified(place, code, id);
        act(countyRegulator(place), id, "sign-off", Map.of()).statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("CITY"));
        act(cityRegulator(place), id, "sign-off", Map.of("comment", "市级挂牌督办销号")).statusCode(200)
                .body("status", equalTo("SIGNED_OFF")).body("supervisionLevel", equalTo("CITY"));
    }

    @Test
    void anEscalationOfAGeneralHazardOrToALowerLevelRaisesNothing() {
        Place place = newCounty();
        String code = newEnterprise(place); // reports name a registered enterprise
        String major = given(countyRegulator(place)).body(majorReport(place, code)).post(HAZARDS).then().statusCode(201).extract().path("id");
        String general = reportGeneral(place, code);
        publishEscalation(escalation(place, code, major, "ESCALATE_PROVINCE", "PROVINCE"), UUID.randomUUID());
        publishEscalation(escalation(place, code, general, "ESCALATE_CITY", "CITY"), UUID.randomUUID());
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                "PROVINCE".equals(given(admin()).get(HAZARDS + "/" + major).then().extract().path("supervisionLevel")));
        UUID late = UUID.randomUUID();
        publishEscalation(escalation(place, code, major, "ESCALATE_CITY", "CITY"), late); // never down
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> processed(late));
        given(admin()).get(HAZARDS + "/" + major).then().body("supervisionLevel", equalTo("PROVINCE"));
        given(admin()).get(HAZARDS + "/" + general).then().body("version", equalTo(0)).body("supervisionLevel", org.hamcrest.Matchers.nullValue());
        toVerified(place, code, major);
        act(cityRegulator(place), major, "sign-off", Map.of()).statusCode(403);
        act(provinceRegulator(place), major, "sign-off", Map.of()).statusCode(200);
    }

    @Test
    void anExpertMayNotVerifyAHazardOfAnEnterpriseTheyDeclared() {
        Place place = newCounty();
        String code = newEnterprise(place); // reports name a registered enterprise
        String subject = "expert-" + UUID.randomUUID();
        String conflicted = "Bearer " + TestTokens.builder(subject, "EXPERT", "county", place.county()).sign();
        ConflictDeclared declared = new ConflictDeclared(UUID.randomUUID(), UUID.randomUUID(), subject, code, place.county(),
                "曾任该企业安全顾问", LocalDate.now().minusDays(10), null, subject, Instant.now());
        UUID eventId = UUID.randomUUID();
        publishInspectionEvent(declared.aggregateId(), eventId, "ConflictDeclared", EventJson.write(declared));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> processed(eventId));

        String id = reportGeneral(place, code);
        act(enterprise(code), id, "plan", plan()).statusCode(200);
        act(enterprise(code), id, "rectification", rectification(enterprise(code))).statusCode(200);
        act(conflicted, id, "verification", Map.of("outcome", "ACCEPTED")).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("conflict of interest"));
        act(expert(place), id, "verification", Map.of("outcome", "ACCEPTED", "comment", "seen on site")).statusCode(200)
                .body("status", equalTo("VERIFIED"));
    }

    private boolean processed(UUID eventId) {
        return countProcessed(eventId) == 1;
    }

    @jakarta.inject.Inject
    jakarta.persistence.EntityManager em;

    private long countProcessed(UUID eventId) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from processed_event where event_id = ?1").setParameter(1, eventId).getSingleResult()).longValue());
    }
}
