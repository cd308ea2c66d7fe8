package io.rectify.inspection;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.rectify.inspection.support.InspectionFixtures;

import static io.rectify.inspection.support.InspectionFixtures.ADMIN;
import static io.rectify.inspection.support.InspectionFixtures.action;
import static io.rectify.inspection.support.InspectionFixtures.as;
import static io.rectify.inspection.support.InspectionFixtures.finding;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/** Bad input is a 4xx problem naming what is wrong — never a 500. */
@QuarkusTest
class BadInputTest {

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType(containsString("application/problem+json"));
    }

    @Test
    void malformedBodiesAre400() {
        problem(as(ADMIN).body("{\"code\": ").post("/api/v1/counties").then(), 400);
        problem(as(ADMIN).body(Map.of("code", "ABCDEF", "name", "x", "city", "c", "province", "p", "tier", "TOP", "status", "KEY"))
                .post("/api/v1/counties").then(), 400).body("detail", containsString("tier"));
        problem(as(ADMIN).body("[1,2]").post("/api/v1/experts").then(), 400);
    }

    @Test
    void missingAndInvalidFieldsAre422NamingEachField() {
        problem(as(ADMIN).body(Map.of()).post("/api/v1/counties").then(), 422)
                .body("errors.field", hasItem("name")).body("errors.field", hasItem("tier"));
        problem(as(ADMIN).body(Map.of("code", "abc", "name", "x", "city", "c", "province", "p", "tier", "LEAD", "status", "KEY"))
                .post("/api/v1/counties").then(), 422).body("errors[0].field", equalTo("code"));
        problem(as(ADMIN).post("/api/v1/counties").then(), 422);
        String county = InspectionFixtures.county("绵阳市");
        Map<String, Object> grade = InspectionFixtures.enterpriseBody(InspectionFixtures.newCreditCode(), county);
        grade.put("majorHazardInstallationGrade", 5);
        problem(as(ADMIN).body(grade).post("/api/v1/enterprises").then(), 422).body("errors[0].field", equalTo("majorHazardInstallationGrade"));
        problem(as(ADMIN).body(Map.of("code", "lower", "nameZh", "x", "nameEn", "x")).post("/api/v1/key-tasks").then(), 422);
        problem(as(ADMIN).body(Map.of("name", "x", "year", 2024, "countyCodes", List.of(), "startsOn", "2024-01-01", "endsOn", "2024-02-01"))
                .post("/api/v1/campaigns").then(), 422).body("errors[0].field", equalTo("countyCodes"));
        problem(as(ADMIN).body(Map.of("name", "x", "year", 2024, "countyCodes", List.of(county), "startsOn", "2023-12-01", "endsOn", "2024-02-01"))
                .post("/api/v1/campaigns").then(), 422).body("errors[0].field", equalTo("startsOn"));
    }

    @Test
    void badFindingsAndEvidenceAre422() {
        String enterprise = InspectionFixtures.enterprise(InspectionFixtures.county("绵阳市"));
        InspectionFixtures.Expert expert = InspectionFixtures.expert();
        String id = InspectionFixtures.schedule(enterprise, expert, LocalDate.of(2024, 4, 11));
        action(id, "start", expert.bearer()).statusCode(200);
        String path = "/api/v1/inspections/" + id + "/findings";

        Map<String, Object> badSha = finding("OTHER", "GENERAL", null, Map.of("kind", "PHOTO", "uri", "s3://b/p.jpg", "sha256", "xyz"));
        problem(as(expert.bearer()).body(badSha).post(path).then(), 422).body("errors[0].field", containsString("sha256"));
        Map<String, Object> relative = finding("OTHER", "GENERAL", null, Map.of("kind", "PHOTO", "uri", "photos/p.jpg", "sha256", InspectionFixtures.SHA));
        // an expert names uploaded files only: an outside URI (relative or not) or an unknown id is refused, naming the field
        problem(as(expert.bearer()).body(relative).post(path).then(), 422).body("errors[0].field", equalTo("evidence[0].evidenceId"));
        Map<String, Object> unknown = finding("OTHER", "GENERAL", null, Map.of("kind", "PHOTO", "evidenceId", UUID.randomUUID().toString()));
        problem(as(expert.bearer()).body(unknown).post(path).then(), 422).body("errors[0].field", equalTo("evidence[0].evidenceId"));
        Map<String, Object> badKind = finding("OTHER", "GENERAL", null, Map.of("kind", "VIDEO", "uri", "s3://b/v", "sha256", InspectionFixtures.SHA));
        problem(as(expert.bearer()).body(badKind).post(path).then(), 400);
        Map<String, Object> zeroDays = finding("OTHER", "GENERAL", null);
        zeroDays.put("rectificationDays", 0);
        problem(as(expert.bearer()).body(zeroDays).post(path).then(), 422).body("errors[0].field", equalTo("rectificationDays"));
        Map<String, Object> noDescription = finding("OTHER", "GENERAL", null);
        noDescription.remove("description");
        problem(as(expert.bearer()).body(noDescription).post(path).then(), 422).body("errors[0].field", equalTo("description"));
        problem(as(expert.bearer()).body(Map.of("scope", "EVERYTHING", "grantedBy", "x")).post("/api/v1/inspections/" + id + "/consents").then(), 400);
        problem(as(expert.bearer()).body(Map.of("scope", "DOCUMENT_COPY", "grantedBy", "x", "grantedAt", "2999-01-01T00:00:00Z"))
                .post("/api/v1/inspections/" + id + "/consents").then(), 422).body("errors[0].field", equalTo("grantedAt"));
        problem(as(expert.bearer()).body(Map.of()).post("/api/v1/inspections/" + id + "/cancel").then(), 422);
        as(expert.bearer()).get("/api/v1/inspections/" + id).then().statusCode(200).body("findings", hasSize(0)).body("consents", hasSize(0));
    }

    @Test
    void badPathsAndQueriesAre4xx() {
        problem(as(ADMIN).get("/api/v1/inspections/not-a-uuid").then(), 404);
        problem(as(ADMIN).get("/api/v1/inspections/" + UUID.randomUUID()).then(), 404);
        problem(as(ADMIN).get("/api/v1/experts/" + UUID.randomUUID()).then(), 404);
        problem(as(ADMIN).queryParam("size", 1000).get("/api/v1/inspections").then(), 422).body("errors[0].field", equalTo("size"));
        problem(as(ADMIN).queryParam("page", -1).get("/api/v1/counties").then(), 422);
        problem(as(ADMIN).queryParam("status", "DONE").get("/api/v1/inspections").then(), 422).body("errors[0].field", equalTo("status"));
        problem(as(ADMIN).queryParam("date", "yesterday").get("/api/v1/inspections").then(), 422).body("errors[0].field", equalTo("date"));
        as(ADMIN).queryParam("page", Integer.MAX_VALUE).queryParam("size", 500).get("/api/v1/inspections").then().statusCode(200)
                .body("items", hasSize(0)).body("page", equalTo(Integer.MAX_VALUE));
        problem(as(ADMIN).body(Map.of("reason", "x")).post("/api/v1/inspections/" + UUID.randomUUID() + "/cancel").then(), 404);
    }
}
