package io.rectify.hazard.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.rectify.hazard.api.HistoryEntry;
import io.rectify.hazard.api.PlanRequest;
import io.rectify.hazard.api.ReportHazardRequest;
import io.rectify.hazard.support.HazardFixtures.Place;
import io.rectify.hazard.support.HazardTestBase;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.rectify.hazard.support.HazardFixtures.HAZARDS;
import static io.rectify.hazard.support.HazardFixtures.act;
import static io.rectify.hazard.support.HazardFixtures.admin;
import static io.rectify.hazard.support.HazardFixtures.assertProblem;
import static io.rectify.hazard.support.HazardFixtures.enterprise;
import static io.rectify.hazard.support.HazardFixtures.expert;
import static io.rectify.hazard.support.HazardFixtures.generalReport;
import static io.rectify.hazard.support.HazardFixtures.given;
import static io.rectify.hazard.support.HazardFixtures.majorReport;
import static io.rectify.hazard.support.HazardFixtures.newCreditCode;
import static io.rectify.hazard.support.HazardFixtures.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

/** Whatever a client sends, the answer is a 4xx problem+json naming the field, never a 500; and Idempotency-Key. */
@QuarkusTest
class HazardInputTest extends HazardTestBase {

    private ValidatableResponse postRaw(String bearer, String path, String json) {
        return given(bearer).body(json).post(path).then();
    }

    @Test
    void malformedJsonWrongTypesAndUnknownEnumsAre400() {
        Place place = newCounty();
        String code = newEnterprise(place);
        String me = enterprise(code);
        assertProblem(postRaw(me, HAZARDS, "{\"enterpriseCreditCode\": \"" + code + "\","), 400);
        assertProblem(postRaw(me, HAZARDS, "[1, 2, 3]"), 400);
        assertProblem(postRaw(me, HAZARDS, "not json at all"), 400);

        Map<String, Object> wrongType = generalReport(place, code, "SELF_CHECK");
        wrongType.put("rectificationDays", "thirty");
        given(me).body(wrongType).post(HAZARDS).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("rectificationDays"));

        Map<String, Object> unknownGrade = generalReport(place, code, "SELF_CHECK");
        unknownGrade.put("grade", "CATASTROPHIC");
        given(me).body(unknownGrade).post(HAZARDS).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("grade"), "detail", containsString("GENERAL"));

        Map<String, Object> badDate = generalReport(place, code, "SELF_CHECK");
        badDate.remove("rectificationDays");
        badDate.put("dueAt", "next tuesday");
        given(me).body(badDate).post(HAZARDS).then().statusCode(400).body("errors[0].field", equalTo("dueAt"));

        String id = reportGeneral(place, code);
        Map<String, Object> badFunding = plan();
        badFunding.put("fundingCny", Map.of("amount", 5));
        assertProblem(given(me).body(badFunding).post(HAZARDS + "/" + id + "/plan").then(), 400);
        assertProblem(postRaw(expert(place), HAZARDS + "/" + id + "/verification", "{\"outcome\": \"MAYBE\"}"), 400);
        assertProblem(postRaw(me, HAZARDS + "/" + id + "/plan", "{\"deadline\": \"2024-13-45\"}"), 400);
    }

    @Test
    void missingFieldsAre422NamingEachField() {
        Place place = newCounty();
        String code = newEnterprise(place);
        String me = enterprise(code);
        JsonPath empty = postRaw(me, HAZARDS, "{}").statusCode(422).contentType("application/problem+json").extract().jsonPath();
        assertThat(empty.getList("errors.field", String.class))
                .contains("enterpriseCreditCode", "countyCode", "keyTask", "grade", "description", "source");
        assertProblem(given(me).post(HAZARDS).then(), 422);

        String id = reportGeneral(place, code);
        for (String field : List.of("responsiblePerson", "measures", "fundingCny", "deadline", "contingencyPlan")) {
            Map<String, Object> body = plan();
            body.remove(field);
            given(me).body(body).post(HAZARDS + "/" + id + "/plan").then().statusCode(422)
                    .contentType("application/problem+json").body("errors.field", hasItem(field));
        }
        Map<String, Object> negative = plan();
        negative.put("fundingCny", -1);
        given(me).body(negative).post(HAZARDS + "/" + id + "/plan").then().statusCode(422).body("errors[0].field", equalTo("fundingCny"));
        given(me).body(plan(LocalDate.now().plusDays(400).toString())).post(HAZARDS + "/" + id + "/plan").then().statusCode(422)
                .body("errors[0].field", equalTo("deadline"));

        act(me, id, "plan", plan()).statusCode(200);
        act(me, id, "rectification", Map.of("description", "done", "evidence", List.of())).statusCode(422)
                .body("errors[0].field", equalTo("evidence"));
        act(me, id, "rectification", Map.of("description", "done", "evidence", List.of(Map.of("kind", "PHOTO", "uri", "u", "sha256", "abc"))))
                .statusCode(422).body("errors[0].field", equalTo("evidence[0].sha256"));
        act(me, id, "rectification", Map.of("evidence", List.of(Map.of("kind", "SELFIE", "uri", "u", "sha256", "abc"))))
                .statusCode(400);
        given(admin()).get(HAZARDS + "/" + id).then().body("status", equalTo("RECTIFYING"), "version", equalTo(1));
    }

    @Test
    void domainRulesOfAReportAre422() {
        Place place = newCounty();
        String code = newEnterprise(place);
        String me = enterprise(code);

        String wrongCheck = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
        given(admin()).body(generalReport(place, wrongCheck, "SELF_CHECK")).post(HAZARDS).then().statusCode(422)
                .body("errors[0].field", equalTo("enterpriseCreditCode"), "errors[0].message", containsString("check character"));

        Map<String, Object> unknownCounty = generalReport(new Place("ZZ" + place.county().substring(2), "c", "p"), code, "SELF_CHECK");
        given(me).body(unknownCounty).post(HAZARDS).then().statusCode(422).body("errors[0].field", equalTo("countyCode"));

        Map<String, Object> majorWithout = majorReport(place, code);
        majorWithout.remove("majorCriterion");
        given(admin()).body(majorWithout).post(HAZARDS).then().statusCode(422).body("errors.field", hasItem("majorCriterion"));
        Map<String, Object> generalWith = generalReport(place, code, "SELF_CHECK");
        generalWith.put("majorCriterion", "MHC-03");
        given(me).body(generalWith).post(HAZARDS).then().statusCode(422).body("errors.field", hasItem("majorCriterion"));
        Map<String, Object> badCriterion = majorReport(place, code);
        badCriterion.put("majorCriterion", "MHC-21");
        given(admin()).body(badCriterion).post(HAZARDS).then().statusCode(422).body("errors.field", hasItem("majorCriterion"));

        Map<String, Object> both = generalReport(place, code, "SELF_CHECK");
        both.put("dueAt", Instant.now().plusSeconds(86_400).toString());
        given(me).body(both).post(HAZARDS).then().statusCode(422).body("errors.field", hasItem("rectificationDays"));
        Map<String, Object> past = generalReport(place, code, "SELF_CHECK");
        past.remove("rectificationDays");
        past.put("dueAt", Instant.now().minusSeconds(60).toString());
        given(me).body(past).post(HAZARDS).then().statusCode(422).body("errors.field", hasItem("dueAt"));
        Map<String, Object> tooLong = generalReport(place, code, "SELF_CHECK");
        tooLong.put("rectificationDays", 366);
        given(me).body(tooLong).post(HAZARDS).then().statusCode(422).body("errors.field", hasItem("rectificationDays"));
        given(admin()).body(generalReport(place, code, "EXPERT_INSPECTION")).post(HAZARDS).then().statusCode(422)
                .body("errors.field", hasItem("source"));

        String injection = "'; drop table hazard; --";
        Map<String, Object> hostile = generalReport(place, code, "SELF_CHECK");
        hostile.put("description", injection);
        given(me).body(hostile).post(HAZARDS).then().statusCode(201).body("description", equalTo(injection));
        given(admin()).queryParam("county", injection).get(HAZARDS).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void badQueryAndPathParametersAre4xx() {
        // one vocabulary (platform QueryValues): a bad query value is a 422 naming the parameter
        badQuery(given(admin()).queryParam("status", "DONE").get(HAZARDS).then(), "status");
        badQuery(given(admin()).queryParam("grade", "x").get(HAZARDS).then(), "grade");
        badQuery(given(admin()).queryParam("overdue", "perhaps").get(HAZARDS).then(), "overdue");
        badQuery(given(admin()).queryParam("size", 1000).get(HAZARDS).then(), "size");
        badQuery(given(admin()).queryParam("page", -1).get(HAZARDS).then(), "page");
        badQuery(given(admin()).queryParam("size", "ten").get(HAZARDS).then(), "size");
        badQuery(given(admin()).queryParam("page", "2147483648").get(HAZARDS).then(), "page");
        // enum names ignore case
        given(admin()).queryParam("status", "open").queryParam("grade", "general").get(HAZARDS).then().statusCode(200);
        assertProblem(given(admin()).get(HAZARDS + "/not-a-uuid").then(), 404);
        assertProblem(given(admin()).get(HAZARDS + "/" + UUID.randomUUID()).then(), 404);
        assertProblem(given(admin()).body("{}").post(HAZARDS + "/" + UUID.randomUUID() + "/plan").then(), 422);
        assertProblem(given(admin()).body(plan()).post(HAZARDS + "/" + UUID.randomUUID() + "/plan").then(), 404);
    }

    /** The page past every int offset: an empty page, never a 500 (the offset is a long). */
    @Test
    void theLastIntPageIsAnEmptyPage() {
        Place place = newCounty();
        String id = reportGeneral(place, newCreditCode());
        given(admin()).queryParam("page", Integer.MAX_VALUE).queryParam("size", 500).get(HAZARDS).then().statusCode(200)
                .body("items", hasSize(0)).body("page", equalTo(Integer.MAX_VALUE)).body("size", equalTo(500));
        given(admin()).queryParam("page", Integer.MAX_VALUE).queryParam("size", 500).get(HAZARDS + "/" + id + "/history").then()
                .statusCode(200).body("items", hasSize(0));
    }

    private static void badQuery(ValidatableResponse r, String field) {
        r.statusCode(422).contentType("application/problem+json").body("status", equalTo(422)).body("errors[0].field", equalTo(field));
    }

    @Test
    void wrongMediaTypeAndOversizedBodyAre4xx() {
        Place place = newCounty();
        ValidatableResponse text = RestAssured.given().header("Authorization", admin()).contentType("text/plain").body("hello")
                .post(HAZARDS).then();
        assertProblem(text, 415);

        String huge = "x".repeat(1_200_000);
        Map<String, Object> body = generalReport(place, newCreditCode(), "SELF_CHECK");
        body.put("description", huge);
        assertProblem(given(admin()).body(body).post(HAZARDS).then(), 413);
    }


    @Test
    void idempotencyKeyReplaysTheFirstAnswerAndRefusesAnotherBody() {
        Place place = newCounty();
        String code = newEnterprise(place);
        Map<String, Object> body = generalReport(place, code, "SELF_CHECK");
        String key = UUID.randomUUID().toString();

        ValidatableResponse first = given(enterprise(code)).header("Idempotency-Key", key).body(body).post(HAZARDS).then().statusCode(201);
        String id = first.extract().path("id");
        String location = first.extract().header("Location");

        given(enterprise(code)).header("Idempotency-Key", key).body(body).post(HAZARDS).then().statusCode(201)
                .header("Idempotent-Replayed", "true").header("Location", location).body("id", equalTo(id));

        Map<String, Object> other = generalReport(place, code, "SELF_CHECK");
        other.put("description", "another hazard");
        given(enterprise(code)).header("Idempotency-Key", key).body(other).post(HAZARDS).then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("Idempotency-Key"));

        JsonPath page = given(admin()).queryParam("county", place.county()).get(HAZARDS).then().extract().jsonPath();
        assertThat(page.getList("items.id", String.class)).containsExactly(id);
        assertThat(hazardEvents(id, 1)).hasSize(1);
    }

    @Test
    void openApiDocumentsEveryEndpointWithItsErrors() {
        JsonPath doc = RestAssured.given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, Object> paths = doc.getMap("paths");
        assertThat(paths).containsKeys("/api/v1/hazards", "/api/v1/hazards/{id}", "/api/v1/hazards/{id}/history",
                "/api/v1/hazards/{id}/plan", "/api/v1/hazards/{id}/rectification", "/api/v1/hazards/{id}/verification",
                "/api/v1/hazards/{id}/sign-off", "/api/v1/hazards/{id}/deadline-extensions", "/api/v1/hazards/{id}/reopen",
                "/api/v1/counties/{code}/hazard-summary");
        for (String action : List.of("plan", "rectification", "verification", "sign-off", "deadline-extensions", "reopen")) {
            Map<String, Object> responses = doc.getMap("paths.'/api/v1/hazards/{id}/" + action + "'.post.responses");
            assertThat(responses).as(action).containsKeys("200", "400", "401", "403", "404", "409", "412", "422");
        }
        assertThat(doc.getMap("paths.'/api/v1/hazards'.post.responses")).containsKeys("201", "400", "401", "403", "413", "422");
        assertThat(doc.getMap("components.responses")).containsKeys("NotFound", "Conflict", "PreconditionFailed", "ValidationFailed");
        assertThat(doc.getMap("components.schemas")).containsKeys("Hazard", "Problem", "ReportHazardRequest", "PlanRequest",
                "HistoryEntry", "HazardSummary");
        RestAssured.given().get("/q/openapi").then().body(containsString("application/problem+json"));
        assertThat(doc.getList("paths.'/api/v1/hazards'.get.parameters.name", String.class))
                .contains("county", "enterprise", "status", "grade", "overdue", "page", "size");
        RestAssured.given().get("/q/openapi?format=json").then().body("paths.'/api/v1/hazards/{id}'.get.responses.'200'.headers.ETag", org.hamcrest.Matchers.notNullValue());
    }
}
