package io.rectify.inspection;

import io.quarkus.test.junit.QuarkusTest;
import io.rectify.inspection.support.InspectionFixtures;
import io.rectify.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static io.rectify.inspection.support.InspectionFixtures.action;
import static io.rectify.inspection.support.InspectionFixtures.as;
import static io.rectify.inspection.support.InspectionFixtures.evidence;
import static io.rectify.inspection.support.InspectionFixtures.finding;
import static io.rectify.inspection.support.InspectionFixtures.recordFinding;
import static io.rectify.inspection.support.InspectionFixtures.schedule;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** A finding's photo is read by whoever sees the inspection — the inspected enterprise included — and by nobody else. */
@QuarkusTest
class FindingEvidenceAccessTest {

    @Test
    void theInspectedEnterpriseReadsItsFindingsEvidenceAndAnotherEnterpriseDoesNot() {
        String county = InspectionFixtures.county("绵阳市");
        String enterprise = InspectionFixtures.enterprise(county);
        InspectionFixtures.Expert expert = InspectionFixtures.expert();
        String id = schedule(enterprise, expert, LocalDate.of(2024, 4, 12));
        action(id, "start", expert.bearer()).statusCode(200);
        Map<String, Object> photo = evidence(expert, "PHOTO");
        String evidenceId = (String) photo.get("evidenceId");

        // before a finding references it, only its uploader reads it
        String inspected = TestTokens.bearer("ENTERPRISE", "creditCode", enterprise);
        given().header("Authorization", inspected).get("/api/v1/evidence/" + evidenceId).then().statusCode(404);
        given().header("Authorization", InspectionFixtures.expert().bearer()).get("/api/v1/evidence/" + evidenceId).then().statusCode(404);

        String finding = recordFinding(id, expert, finding("FINE_CHEMICAL_FOUR_ZEROINGS", "GENERAL", null, photo));
        as(expert.bearer()).get("/api/v1/inspections/" + id + "/findings/" + finding).then().statusCode(200)
                .body("evidence[0].evidenceId", equalTo(evidenceId), "evidence[0].verified", equalTo(true), "evidence[0].mediaType", equalTo("image/png"));
        given().header("Authorization", inspected).get("/api/v1/evidence/" + evidenceId).then().statusCode(200);
        given().header("Authorization", TestTokens.bearer("ENTERPRISE", "creditCode", InspectionFixtures.newCreditCode()))
                .get("/api/v1/evidence/" + evidenceId + "/meta").then().statusCode(404);
    }
}
