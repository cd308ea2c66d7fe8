package io.rectify.hazard.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.rectify.contracts.EventJson;
import io.rectify.contracts.inspection.InspectionCancelled;
import io.rectify.hazard.support.HazardFixtures.Place;
import io.rectify.hazard.support.HazardTestBase;
import io.rectify.platform.testing.TestTokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.rectify.hazard.support.HazardFixtures.HAZARDS;
import static io.rectify.hazard.support.HazardFixtures.act;
import static io.rectify.hazard.support.HazardFixtures.assertProblem;
import static io.rectify.hazard.support.HazardFixtures.enterprise;
import static io.rectify.hazard.support.HazardFixtures.expert;
import static io.rectify.hazard.support.HazardFixtures.expertAccount;
import static io.rectify.hazard.support.HazardFixtures.given;
import static io.rectify.hazard.support.HazardFixtures.plan;
import static io.rectify.hazard.support.HazardFixtures.rectification;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Experts by assignment (issue 12, point 3): an EXPERT reads and verifies only the hazards of enterprises
 * having an inspection it is assigned to (InspectionScheduled.expertSubjects), plus the county of its
 * token when set; everything else is 404 in lists and single reads.
 */
@QuarkusTest
class ExpertAssignmentTest extends HazardTestBase {

    @Test
    void anExpertSeesAndVerifiesOnlyTheEnterprisesItInspects() {
        Place place = newCounty();
        String inspected = newEnterprise(place);
        String notInspected = newEnterprise(place);
        String mine = reportGeneral(place, inspected);
        String theirs = reportGeneral(place, notInspected);
        for (String id : List.of(mine, theirs)) {
            act(enterprise(id.equals(mine) ? inspected : notInspected), id, "plan", plan()).statusCode(200);
            act(enterprise(id.equals(mine) ? inspected : notInspected), id, "rectification", rectification(enterprise(id.equals(mine) ? inspected : notInspected))).statusCode(200);
        }
        String subject = "expert-" + UUID.randomUUID();
        String expert = expertAccount(subject);
        String provinceOnly = TestTokens.bearer("EXPERT", "province", place.province());

        // no claims, no assignment: nothing — and a province claim alone grants an expert nothing either
        for (String token : List.of(expert, provinceOnly)) {
            assertThat(listed(token, place)).isEmpty();
            assertProblem(given(token).get(HAZARDS + "/" + mine).then(), 404);
            assertProblem(given(token).get(HAZARDS + "/" + mine + "/history").then(), 404);
            assertProblem(act(token, mine, "verification", Map.of("outcome", "ACCEPTED")), 404);
        }

        UUID inspection = assignExpert(subject, inspected, place);
        assertThat(listed(expert, place)).containsExactly(mine);
        given(expert).get(HAZARDS + "/" + mine).then().statusCode(200);
        assertProblem(given(expert).get(HAZARDS + "/" + theirs).then(), 404);
        assertProblem(act(expert, theirs, "verification", Map.of("outcome", "ACCEPTED")), 404);
        act(expert, mine, "verification", Map.of("outcome", "ACCEPTED", "comment", "checked on site")).statusCode(200);

        // the county of the token opens the county, assignment or not
        String countyExpert = expert(place);
        assertThat(listed(countyExpert, place)).containsExactlyInAnyOrder(mine, theirs);
        act(countyExpert, theirs, "verification", Map.of("outcome", "ACCEPTED")).statusCode(200);

        // a called-off inspection no longer opens the enterprise
        InspectionCancelled cancelled = new InspectionCancelled(inspection, inspected, place.county(), "called off", Instant.now());
        publishInspectionEvent(inspection.toString(), UUID.randomUUID(), "InspectionCancelled", EventJson.write(cancelled));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> given(expert).get(HAZARDS + "/" + mine).statusCode() == 404);
        assertThat(listed(expert, place)).isEmpty();
    }

    private static List<String> listed(String token, Place place) {
        return given(token).queryParam("county", place.county()).queryParam("size", 500).get(HAZARDS)
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
    }
}
