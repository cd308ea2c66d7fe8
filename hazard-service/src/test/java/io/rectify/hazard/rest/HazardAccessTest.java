package io.rectify.hazard.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.rectify.hazard.support.HazardFixtures.Place;
import io.rectify.hazard.support.HazardTestBase;
import io.rectify.platform.testing.TestTokens;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.rectify.hazard.support.HazardFixtures.HAZARDS;
import static io.rectify.hazard.support.HazardFixtures.act;
import static io.rectify.hazard.support.HazardFixtures.admin;
import static io.rectify.hazard.support.HazardFixtures.agency;
import static io.rectify.hazard.support.HazardFixtures.assertProblem;
import static io.rectify.hazard.support.HazardFixtures.cityRegulator;
import static io.rectify.hazard.support.HazardFixtures.countyRegulator;
import static io.rectify.hazard.support.HazardFixtures.enterprise;
import static io.rectify.hazard.support.HazardFixtures.expert;
import static io.rectify.hazard.support.HazardFixtures.generalReport;
import static io.rectify.hazard.support.HazardFixtures.given;
import static io.rectify.hazard.support.HazardFixtures.majorReport;
import static io.rectify.hazard.support.HazardFixtures.newCreditCode;
import static io.rectify.hazard.support.HazardFixtures.plan;
import static io.rectify.hazard.support.HazardFixtures.provinceRegulator;
import static io.rectify.hazard.support.HazardFixtures.rectification;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Roles and scope of domain.md on every endpoint: 401 without a valid token, 403 for a wrong role, 404 out of scope. */
@QuarkusTest
class HazardAccessTest extends HazardTestBase {

    @Test
    void noValidTokenIs401() {
        Place place = newCounty();
        String id = reportGeneral(place, newEnterprise(place));
        for (String bearer : new String[]{null, "Bearer not-a-jwt", "Bearer " + TestTokens.expired("ADMIN"), "Bearer " + TestTokens.wrongIssuer("ADMIN")}) {
            assertProblem(given(bearer).get(HAZARDS + "/" + id).then(), 401);
            assertProblem(given(bearer).get(HAZARDS).then(), 401);
            assertProblem(given(bearer).body(generalReport(place, newCreditCode(), "SELF_CHECK")).post(HAZARDS).then(), 401);
            assertProblem(act(bearer, id, "plan", plan()), 401);
            assertProblem(given(bearer).get("/api/v1/counties/" + place.county() + "/hazard-summary").then(), 401);
        }
    }

    @Test
    void wrongRoleIs403OnEveryChangingEndpoint() {
        Place place = newCounty();
        String code = newEnterprise(place);
        String id = reportGeneral(place, code);
        assertProblem(given(expert(place)).body(generalReport(place, code, "REGULATOR")).post(HAZARDS).then(), 403);
        assertProblem(act(expert(place), id, "plan", plan()), 403);
        assertProblem(act(agency(), id, "plan", plan()), 403);
        assertProblem(act(countyRegulator(place), id, "rectification", rectification(countyRegulator(place))), 403);
        assertProblem(act(enterprise(code), id, "verification", Map.of("outcome", "ACCEPTED")), 403);
        assertProblem(act(agency(), id, "sign-off", null), 403);
        assertProblem(act(enterprise(code), id, "deadline-extensions", Map.of("newDueAt", "2099-01-01T00:00:00Z", "reason", "r")), 403);
        assertProblem(act(expert(place), id, "reopen", Map.of("reason", "r")), 403);
        assertProblem(given(enterprise(code)).get("/api/v1/counties/" + place.county() + "/hazard-summary").then(), 403);
        assertProblem(given(TestTokens.bearer("NOBODY")).get(HAZARDS + "/" + id).then(), 403);
    }

    @Test
    void anEnterpriseSeesAndChangesOnlyItsOwnHazards() {
        Place place = newCounty();
        String mine = newEnterprise(place);
        String theirs = newEnterprise(place);
        String myHazard = reportGeneral(place, mine);
        String theirHazard = reportGeneral(place, theirs);

        given(enterprise(mine)).get(HAZARDS + "/" + myHazard).then().statusCode(200);
        assertProblem(given(enterprise(mine)).get(HAZARDS + "/" + theirHazard).then(), 404);
        assertProblem(given(enterprise(mine)).get(HAZARDS + "/" + theirHazard + "/history").then(), 404);
        assertProblem(act(enterprise(mine), theirHazard, "plan", plan()), 404);

        JsonPath page = given(enterprise(mine)).queryParam("county", place.county()).get(HAZARDS).then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("items.id", String.class)).containsExactly(myHazard);
        assertThat(page.getLong("total")).isEqualTo(1);
        // asking for someone else's hazards by filter finds nothing rather than leaking them
        assertThat(given(enterprise(mine)).queryParam("enterprise", theirs).get(HAZARDS).then().extract().jsonPath().getLong("total")).isZero();

        // an enterprise reports only its own hazards, and only as self-check
        assertProblem(given(enterprise(mine)).body(generalReport(place, theirs, "SELF_CHECK")).post(HAZARDS).then(), 403);
        given(enterprise(mine)).body(generalReport(place, mine, "REGULATOR")).post(HAZARDS).then().statusCode(422)
                .body("errors[0].field", equalTo("source"));
    }

    @Test
    void regulatorsSeeAndActOnlyInsideTheirJurisdiction() {
        Place here = newCounty();
        Place elsewhere = newCounty();
        String code = newEnterprise(here);
        String id = reportGeneral(here, code);
        String other = reportGeneral(elsewhere, newEnterprise(elsewhere));

        for (String inScope : new String[]{countyRegulator(here), cityRegulator(here), provinceRegulator(here), expert(here), agency(), admin()}) {
            given(inScope).get(HAZARDS + "/" + id).then().statusCode(200);
        }
        for (String outOfScope : new String[]{countyRegulator(elsewhere), cityRegulator(elsewhere), provinceRegulator(elsewhere), expert(elsewhere)}) {
            assertProblem(given(outOfScope).get(HAZARDS + "/" + id).then(), 404);
        }
        assertProblem(act(countyRegulator(elsewhere), id, "deadline-extensions", Map.of("newDueAt", "2099-01-01T00:00:00Z", "reason", "r")), 404);
        assertProblem(given(countyRegulator(elsewhere)).get("/api/v1/counties/" + here.county() + "/hazard-summary").then(), 404);

        JsonPath mine = given(countyRegulator(here)).queryParam("size", 500).get(HAZARDS).then().statusCode(200).extract().jsonPath();
        assertThat(mine.getList("items.countyCode", String.class)).isNotEmpty().containsOnly(here.county());
        JsonPath province = given(provinceRegulator(here)).queryParam("size", 500).get(HAZARDS).then().extract().jsonPath();
        assertThat(province.getList("items.province", String.class)).containsOnly(here.province());
        assertThat(province.getList("items.id", String.class)).contains(id).doesNotContain(other);
        JsonPath everything = given(agency()).queryParam("county", elsewhere.county()).get(HAZARDS).then().extract().jsonPath();
        assertThat(everything.getList("items.id", String.class)).containsExactly(other);

        // a regulator reports only in its jurisdiction and only as REGULATOR
        assertProblem(given(countyRegulator(here)).body(generalReport(elsewhere, code, "REGULATOR")).post(HAZARDS).then(), 403);
        given(countyRegulator(here)).body(generalReport(here, code, "SELF_CHECK")).post(HAZARDS).then().statusCode(422);
        given(cityRegulator(here)).body(generalReport(here, code, "REGULATOR")).post(HAZARDS).then().statusCode(201);
        // an agency system reports anywhere, but only where the enterprise is registered
        given(agency()).body(generalReport(elsewhere, code, "SELF_CHECK")).post(HAZARDS).then().statusCode(422)
                .body("errors[0].field", equalTo("countyCode"));
        given(agency()).body(generalReport(here, code, "SELF_CHECK")).post(HAZARDS).then().statusCode(201);
    }

    @Test
    void expertsVerifyAndRegulatorsPlanInScope() {
        Place place = newCounty();
        String code = newEnterprise(place);
        String id = reportGeneral(place, code);
        act(countyRegulator(place), id, "plan", plan()).statusCode(200);
        act(enterprise(code), id, "rectification", rectification(enterprise(code))).statusCode(200);
        assertProblem(act(expert(newCounty()), id, "verification", Map.of("outcome", "ACCEPTED")), 404);
        act(expert(place), id, "verification", Map.of("outcome", "ACCEPTED")).statusCode(200);
        act(admin(), id, "sign-off", null).statusCode(200).body("status", equalTo("SIGNED_OFF"));
    }

    @Test
    void countySummaryCountsByStatusGradeKeyTaskAndOverdue() {
        Place place = newCounty();
        String code = newEnterprise(place);
        String first = reportGeneral(place, code);
        reportGeneral(place, code);
        given(countyRegulator(place)).body(majorReport(place, code)).post(HAZARDS).then().statusCode(201);
        Map<String, Object> lateMajor = majorReport(place, code);
        lateMajor.remove("rectificationDays");
        lateMajor.put("dueAt", java.time.Instant.now().minusSeconds(3600).toString());
        given(admin()).body(lateMajor).post(HAZARDS).then().statusCode(201).body("overdue", equalTo(true));
        act(enterprise(code), first, "plan", plan()).statusCode(200);

        JsonPath s = given(cityRegulator(place)).get("/api/v1/counties/" + place.county() + "/hazard-summary")
                .then().statusCode(200).extract().jsonPath();
        assertThat(s.getLong("total")).isEqualTo(4);
        assertThat(s.getLong("byStatus.OPEN")).isEqualTo(3);
        assertThat(s.getLong("byStatus.RECTIFYING")).isEqualTo(1);
        assertThat(s.getLong("byStatus.SIGNED_OFF")).isZero();
        assertThat(s.getLong("byGrade.GENERAL")).isEqualTo(2);
        assertThat(s.getLong("byGrade.MAJOR")).isEqualTo(2);
        assertThat(s.getLong("byKeyTask.MAJOR_HAZARD_INSTALLATIONS")).isEqualTo(2);
        assertThat(s.getLong("byKeyTask.EQUIPMENT_RUNNING_WITH_DEFECTS")).isEqualTo(2);
        assertThat(s.getLong("overdue")).isEqualTo(1);
        assertThat(s.getLong("overdueMajor")).isEqualTo(1);
        assertThat(s.getString("countyName")).isEqualTo("County " + place.county());

        assertProblem(given(admin()).get("/api/v1/counties/ZZZZZZ99/hazard-summary").then(), 404);
    }

    @Test
    void operationsEndpointsNeedNoToken() {
        RestAssured.given().get("/q/health").then().statusCode(200);
        RestAssured.given().get("/q/openapi").then().statusCode(200);
    }
}
