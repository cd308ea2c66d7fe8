package io.rectify.hazard.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.rectify.contracts.EventJson;
import io.rectify.contracts.Topics;
import io.rectify.contracts.inspection.Evidence;
import io.rectify.contracts.inspection.FindingConfirmed;
import io.rectify.hazard.support.HazardFixtures.Place;
import io.rectify.hazard.support.HazardFixtures;
import io.rectify.hazard.support.HazardTestBase;
import io.restassured.path.json.JsonPath;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.rectify.hazard.support.HazardFixtures.HAZARDS;
import static io.rectify.hazard.support.HazardFixtures.admin;
import static io.rectify.hazard.support.HazardFixtures.given;
import static io.rectify.hazard.support.HazardFixtures.newCreditCode;
import static org.assertj.core.api.Assertions.assertThat;

/** inspection.events on the real broker: one hazard per confirmed finding however often it arrives; poison to the DLQ. */
@QuarkusTest
class InspectionEventsConsumerTest extends HazardTestBase {

    private FindingConfirmed finding(Place p, UUID inspection, String grade, String criterion, Instant confirmedAt) {
        return finding(p, inspection, grade, criterion, confirmedAt, null);
    }

    /** @param keyTaskVersion the key task's version the finding was recorded under (null: an event from before versions) */
    private FindingConfirmed finding(Place p, UUID inspection, String grade, String criterion, Instant confirmedAt, Integer keyTaskVersion) {
        return new FindingConfirmed(UUID.randomUUID(), inspection, null, newCreditCode(), p.county(), "FINE_CHEMICAL_FOUR_ZEROINGS",
                grade, criterion, "Reaction safety risk assessment missing for the nitration unit", "Workshop 3",
                "Commission the assessment", 45,
                List.of(new Evidence("PHOTO", "https://files.rectify.local/f.jpg", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")),
                LocalDate.now(), confirmedAt, confirmedAt, keyTaskVersion);
    }

    private void publish(FindingConfirmed f, UUID eventId) {
        publishInspectionEvent(f.aggregateId(), eventId, "FindingConfirmed", EventJson.write(f));
    }

    private JsonPath hazardsOf(Place p) {
        return given(admin()).queryParam("county", p.county()).queryParam("size", 100).get(HAZARDS).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aConfirmedFindingBecomesExactlyOneHazardHoweverOftenItArrives() {
        Place place = newCounty();
        UUID inspection = UUID.randomUUID();
        Instant confirmedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        FindingConfirmed f = finding(place, inspection, "MAJOR", "MHC-04", confirmedAt, 3);
        UUID eventId = UUID.randomUUID();
        publish(f, eventId);
        publish(f, eventId);               // redelivery of the same event
        publish(f, UUID.randomUUID());     // the same finding under a new event id (a re-sent completion)
        // same key, so same partition: once the marker is in, everything before it was handled
        FindingConfirmed marker = finding(place, inspection, "GENERAL", null, confirmedAt);
        publish(marker, UUID.randomUUID());

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> hazardsOf(place).getLong("total") == 2);
        JsonPath page = hazardsOf(place);
        assertThat(page.getList("items.findingId", String.class))
                .containsExactlyInAnyOrder(f.findingId().toString(), marker.findingId().toString());

        Map<String, Object> hazard = page.getList("items", Map.class).stream()
                .filter(m -> f.findingId().toString().equals(m.get("findingId"))).findFirst().orElseThrow();
        assertThat(hazard).containsEntry("source", "EXPERT_INSPECTION").containsEntry("grade", "MAJOR")
                .containsEntry("majorCriterion", "MHC-04").containsEntry("supervisionLevel", "COUNTY")
                .containsEntry("inspectionId", inspection.toString()).containsEntry("status", "OPEN")
                .containsEntry("city", place.city()).containsEntry("province", place.province())
                .containsEntry("keyTaskVersion", 3); // the key task's version the finding was recorded under
        assertThat(page.getList("items", Map.class).stream().filter(m -> marker.findingId().toString().equals(m.get("findingId"))).findFirst()
                .orElseThrow().get("keyTaskVersion")).as("a finding from before key task versions").isNull();
        assertThat(Instant.parse((String) hazard.get("dueAt"))).isEqualTo(confirmedAt.plus(45, ChronoUnit.DAYS));

        String id = (String) hazard.get("id");
        assertThat(hazardEvents(id, 1)).extracting(HazardFixtures::type).containsExactly("rectify.hazard.HazardReported.v1");
        assertThat(hazardEvents(id, 1).get(0).value()).contains("\"keyTaskVersion\":3");
        given(admin()).get(HAZARDS + "/" + id + "/history").then().statusCode(200)
                .body("items[0].who", org.hamcrest.Matchers.equalTo("inspection-service"),
                        "items[0].payload.findingId", org.hamcrest.Matchers.equalTo(f.findingId().toString()));
    }

    @Test
    void poisonGoesToTheDeadLetterTopicAndTheConsumerCarriesOn() {
        Place place = newCounty();
        String dlq = prefix + Topics.deadLetter(Topics.INSPECTION_EVENTS, InspectionEventsConsumer.CONSUMER);
        String poisonKey = "poison-" + UUID.randomUUID();
        KAFKA.publishRaw(prefix + Topics.INSPECTION_EVENTS, poisonKey, "{not json", Map.of());
        FindingConfirmed invalid = new FindingConfirmed(UUID.randomUUID(), UUID.randomUUID(), null, newCreditCode(), place.county(),
                "OTHER", "MAJOR", null, "major without criterion", null, null, 30, List.of(), LocalDate.now(), Instant.now(), Instant.now());
        publish(invalid, UUID.randomUUID());
        FindingConfirmed good = finding(place, UUID.randomUUID(), "GENERAL", null, Instant.now());
        publish(good, UUID.randomUUID());

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> hazardsOf(place).getLong("total") == 1);
        assertThat(hazardsOf(place).getList("items.findingId", String.class)).containsExactly(good.findingId().toString());
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(KAFKA.readAll(dlq)).extracting(r -> r.key()).contains(poisonKey, invalid.aggregateId()));
    }
}
