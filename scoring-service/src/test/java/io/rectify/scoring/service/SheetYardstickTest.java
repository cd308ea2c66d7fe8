package io.rectify.scoring.service;

import io.quarkus.test.junit.QuarkusTest;
import io.rectify.contracts.EventJson;
import io.rectify.contracts.inspection.SheetAssessed;
import io.rectify.contracts.inspection.SheetMark;
import io.rectify.contracts.scoring.CountyIndexDocument;
import io.rectify.contracts.scoring.ScoringSheet;
import io.rectify.scoring.support.CountyStory;
import io.rectify.scoring.support.ScoringTestBase;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.rectify.scoring.support.ScoringFixtures.ADMIN;
import static io.rectify.scoring.support.ScoringFixtures.awaitIndex;
import static io.rectify.scoring.support.ScoringFixtures.getIndex;
import static io.rectify.scoring.support.ScoringFixtures.index;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Both yardsticks together: the sheet score in the county's answer, rankings by either, eligibility with a sheet minimum. */
@QuarkusTest
class SheetYardstickTest extends ScoringTestBase {

    @Inject
    CountyIndexService indexes;

    @Test
    void aSubmittedAssessmentIsScoredBesideTheIndexRankedAndCanGateEligibility() throws IOException {
        int period = indexes.currentPeriod();
        ScoringSheet sheet = ScoringSheet.shipped("2024.1").orElseThrow();
        CountyStory full = perfectIndex();
        CountyStory weak = perfectIndex();
        CountyStory unassessed = perfectIndex();
        awaitIndex(full.code, "100.0");
        awaitIndex(weak.code, "100.0");
        awaitIndex(unassessed.code, "100.0");

        // every item met or at its target → 100; only MH-1 met and MH-2 partly → 15
        List<SheetMark> all = new ArrayList<>();
        for (ScoringSheet.Located l : sheet.items()) {
            boolean count = "COUNT".equals(l.item().judgedBy());
            all.add(new SheetMark(l.item().id(), count ? null : "MET", count ? l.item().target() : null,
                    List.of(UUID.randomUUID()), List.of(), List.of(), null));
        }
        upstream.publish(assessed(full, period, all, Instant.now()));
        upstream.publish(assessed(weak, period, List.of(
                new SheetMark("MH-1", "MET", null, List.of(), List.of(UUID.randomUUID()), List.of(), "包保到人"),
                new SheetMark("MH-2", "PARTLY", null, List.of(UUID.randomUUID()), List.of(), List.of(), null)), Instant.now()));

        CountyIndexDocument fullDoc = awaitSheet(full.code, "100.0");
        CountyIndexDocument weakDoc = awaitSheet(weak.code, "15.0");
        assertThat(fullDoc.index()).isEqualByComparingTo("100.0"); // the index is unchanged beside it
        assertThat(weakDoc.sheet().earned()).isEqualByComparingTo("15");
        assertThat(weakDoc.sheet().items()).hasSize(sheet.items().size())
                .filteredOn(i -> i.itemId().equals("MH-2")).singleElement()
                .satisfies(i -> {
                    assertThat(i.level()).isEqualTo("PARTLY");
                    assertThat(i.earned()).isEqualByComparingTo("5");
                    assertThat(i.keyTask()).isEqualTo("MAJOR_HAZARD_INSTALLATIONS");
                });
        assertThat(index(unassessed.code).sheet()).isNull();

        // rankings by sheet: full, weak, then the unassessed county without a rank; by index all three tie
        JsonPath bySheet = given().header("Authorization", ADMIN).queryParam("by", "sheet").queryParam("size", 500)
                .get("/api/v1/rankings").then().statusCode(200).extract().jsonPath();
        List<String> order = bySheet.getList("items.countyCode");
        assertThat(order.indexOf(full.code)).isLessThan(order.indexOf(weak.code));
        assertThat(order.indexOf(weak.code)).isLessThan(order.indexOf(unassessed.code));
        assertThat(bySheet.getString("items.find { it.countyCode == '" + weak.code + "' }.sheetScore")).isEqualTo("15.0");
        assertThat(bySheet.getString("items.find { it.countyCode == '" + unassessed.code + "' }.rank")).isNull();
        JsonPath byIndex = given().header("Authorization", ADMIN).queryParam("size", 500).get("/api/v1/rankings").jsonPath();
        assertThat(byIndex.getInt("items.find { it.countyCode == '" + full.code + "' }.rank"))
                .isEqualTo(byIndex.getInt("items.find { it.countyCode == '" + unassessed.code + "' }.rank"));
        given().header("Authorization", ADMIN).queryParam("by", "popularity").get("/api/v1/rankings").then().statusCode(422);

        // eligibility: rubric 2024.1 ignores the sheet; a rubric with minSheetScore 60 requires it
        assertThat(List.of(fullDoc.demonstrationEligible(), weakDoc.demonstrationEligible(),
                index(unassessed.code).demonstrationEligible())).containsOnly(true);
        Map<String, Object> withMinimum = shippedRubric();
        @SuppressWarnings("unchecked")
        Map<String, Object> demonstration = (Map<String, Object>) withMinimum.get("demonstration");
        demonstration.put("minSheetScore", 60);
        withMinimum.remove("version");
        String version = "test-sheet-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(withMinimum).put("/api/v1/rubrics/{v}", version)
                    .then().statusCode(200).body("demonstration.minSheetScore", org.hamcrest.Matchers.equalTo(60));
            assertThat(index(full.code).demonstrationEligible()).isTrue();
            assertThat(index(weak.code).demonstrationEligible()).isFalse();
            assertThat(index(unassessed.code).demonstrationEligible()).isFalse();
        } finally {
            given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(shippedRubric())
                    .put("/api/v1/rubrics/2024.1").then().statusCode(200);
        }
        assertThat(index(weak.code).demonstrationEligible()).isTrue();

        // a later submission replaces the earlier one; an older one redelivered late changes nothing
        upstream.publish(assessed(weak, period, all, Instant.now().plusSeconds(1)));
        awaitSheet(weak.code, "100.0");
        UUID stale = upstream.publish(assessed(weak, period, List.of(), Instant.now().minus(Duration.ofDays(1))));
        awaitProcessed(stale);
        assertThat(index(weak.code).sheet().score()).isEqualByComparingTo("100.0");
    }

    /** E = 1, I = 1, one general hazard signed off on time: index 100. */
    private CountyStory perfectIndex() {
        Instant now = Instant.now();
        CountyStory county = CountyStory.create();
        upstream.publish(county.registered());
        String enterprise = CountyStory.newCreditCode();
        upstream.publish(county.enterprise(enterprise));
        upstream.publish(county.inspected(enterprise, now));
        upstream.publish(county.hazard("GENERAL", now.minus(Duration.ofDays(1))).signedOff(now.minus(Duration.ofDays(2)), 4));
        return county;
    }

    private static SheetAssessed assessed(CountyStory county, int period, List<SheetMark> marks, Instant submittedAt) {
        return new SheetAssessed(UUID.randomUUID(), county.code, period, "2024.1", UUID.randomUUID(), marks, "expert-lead",
                submittedAt, submittedAt);
    }

    private static CountyIndexDocument awaitSheet(String code, String score) {
        return await().atMost(Duration.ofSeconds(45)).until(() -> {
            CountyIndexDocument d = EventJson.read(getIndex(code).asString(), CountyIndexDocument.class);
            return d.sheet() != null && d.sheet().score().compareTo(new java.math.BigDecimal(score)) == 0 ? d : null;
        }, d -> d != null);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> shippedRubric() throws IOException {
        try (InputStream in = SheetYardstickTest.class.getResourceAsStream("/rubrics/2024.1.json")) {
            return EventJson.mapper().readValue(in, Map.class);
        }
    }
}
