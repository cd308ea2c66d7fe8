package io.rectify.inspection.it;

import io.quarkus.test.junit.QuarkusTest;
import io.rectify.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static io.rectify.inspection.it.Fixtures.action;
import static io.rectify.inspection.it.Fixtures.as;
import static io.rectify.inspection.it.Fixtures.evidence;
import static io.rectify.inspection.it.Fixtures.finding;
import static io.rectify.inspection.it.Fixtures.recordFinding;
import static io.rectify.inspection.it.Fixtures.schedule;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** A finding's photo is read by whoever sees the inspection — the inspected enterprise included — and by nobody else. */
@QuarkusTest
class FindingEvidenceAccessTest {

    @Test
    void theInspectedEnterpriseReadsItsFindingsEvidenceAndAnotherEnterpriseDoesNot() {
        String county = Fixtures.county("绵阳市");
        String enterprise = Fixtures.enterprise(county);
        Fixtures.Expert expert = Fixtures.expert();
        String id = schedule(enterprise, expert, LocalDate.of(2024, 4, 12));
        action(id, "start", expert.bearer()).statusCode(200);
        Map<String, Object> photo = evidence(expert, "PHOTO");
        String evidenceId = (String) photo.get("evidenceId");

        // before a finding references it, only its uploader reads it
        String inspected = TestTokens.bearer("ENTERPRISE", "creditCode", enterprise);
        given().header("Authorization", inspected).get("/api/v1/evidence/" + evidenceId).then().statusCode(404);
        given().header("Authorization", Fixtures.expert().bearer()).get("/api/v1/evidence/" + evidenceId).then().statusCode(404);

        String finding = recordFinding(id, expert, finding("FINE_CHEMICAL_FOUR_ZEROINGS", "GENERAL", null, photo));
        as(expert.bearer()).get("/api/v1/inspections/" + id + "/findings/" + finding).then().statusCode(200)
                .body("evidence[0].evidenceId", equalTo(evidenceId), "evidence[0].verified", equalTo(true), "evidence[0].mediaType", equalTo("image/png"));
        given().header("Authorization", inspected).get("/api/v1/evidence/" + evidenceId).then().statusCode(200);
        given().header("Authorization", TestTokens.bearer("ENTERPRISE", "creditCode", Fixtures.newCreditCode()))
                .get("/api/v1/evidence/" + evidenceId + "/meta").then().statusCode(404);
    }
}
