package io.rectify.inspection;

import io.quarkus.test.junit.QuarkusTest;
import io.rectify.inspection.support.InspectionFixtures;
import io.rectify.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.rectify.inspection.support.InspectionFixtures.ADMIN;
import static io.rectify.inspection.support.InspectionFixtures.action;
import static io.rectify.inspection.support.InspectionFixtures.as;
import static io.rectify.inspection.support.InspectionFixtures.finding;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Roles and scopes: 401 without a valid token, 403 for a wrong role or an unassigned expert, 404 outside the caller's scope. */
@QuarkusTest
class AccessTest {

    private String county;
    private String enterprise;
    private InspectionFixtures.Expert expert;
    private String inspection;

    @BeforeEach
    void oneInspectionInAFreshCounty() {
        county = InspectionFixtures.county("绵阳市");
        enterprise = InspectionFixtures.enterprise(county);
        expert = InspectionFixtures.expert();
        inspection = InspectionFixtures.schedule(enterprise, expert, LocalDate.of(2024, 4, 11));
    }

    @Test
    void withoutAValidTokenEverythingUnderApiIs401() {
        for (String path : List.of("/api/v1/counties", "/api/v1/inspections/" + inspection, "/api/v1/key-tasks",
                "/api/v1/counties/" + county + "/debriefs/2024-04-11")) {
            as(null).get(path).then().statusCode(401).contentType(containsString("application/problem+json"));
            as("Bearer " + TestTokens.expired("ADMIN")).get(path).then().statusCode(401);
            as("Bearer " + TestTokens.wrongIssuer("ADMIN")).get(path).then().statusCode(401);
            as("Bearer not-a-jwt").get(path).then().statusCode(401);
        }
        as(null).body(InspectionFixtures.countyBody(InspectionFixtures.newCountyCode(), "绵阳市", "LEAD")).post("/api/v1/counties").then().statusCode(401);
        as(null).get("/q/health").then().statusCode(200);
    }

    @Test
    void wrongRolesAre403() {
        String enterpriseToken = TestTokens.bearer("ENTERPRISE", "creditCode", enterprise);
        as(enterpriseToken).body(InspectionFixtures.scheduleBody(enterprise, List.of(expert.id()), LocalDate.of(2024, 4, 12)))
                .post("/api/v1/inspections").then().statusCode(403).contentType(containsString("application/problem+json"));
        action(inspection, "start", enterpriseToken).statusCode(403);
        as(enterpriseToken).get("/api/v1/counties/" + county + "/debriefs/2024-04-11").then().statusCode(403);
        as(TestTokens.bearer("AGENCY_SYSTEM")).body(InspectionFixtures.countyBody(InspectionFixtures.newCountyCode(), "绵阳市", "LEAD"))
                .post("/api/v1/counties").then().statusCode(403);
        as(TestTokens.bearer("EXPERT")).body(InspectionFixtures.countyBody(InspectionFixtures.newCountyCode(), "绵阳市", "LEAD"))
                .post("/api/v1/counties").then().statusCode(403);
        // regulators oversee; running the visit is the experts' job
        action(inspection, "start", TestTokens.bearer("COUNTY_REGULATOR", "county", county)).statusCode(403);
        as(TestTokens.bearer("COUNTY_REGULATOR", "county", county)).body(Map.of("name", "x")).post("/api/v1/experts").then().statusCode(403);
    }

    @Test
    void onlyAssignedExpertsRunAnInspection() {
        InspectionFixtures.Expert stranger = InspectionFixtures.expert();
        // an expert not assigned does not see the inspection at all (experts see by assignment): 404
        action(inspection, "start", stranger.bearer()).statusCode(404);
        // one who sees it through the county of its token still may not run it: 403
        String strangerInCounty = "Bearer " + TestTokens.builder(stranger.subject(), "EXPERT", "county", county).sign();
        action(inspection, "start", strangerInCounty).statusCode(403)
                .body("detail", containsString("only the experts assigned"));
        // an expert without an expert record behind the token is not assigned either
        action(inspection, "start", TestTokens.bearer("EXPERT")).statusCode(404);
        // experts schedule only inspections they are on themselves, of enterprises they already see (assigned)
        as(expert.bearer()).body(InspectionFixtures.scheduleBody(enterprise, List.of(stranger.id()), LocalDate.of(2024, 4, 12)))
                .post("/api/v1/inspections").then().statusCode(403);
        as(stranger.bearer()).body(InspectionFixtures.scheduleBody(enterprise, List.of(stranger.id()), LocalDate.of(2024, 4, 12)))
                .post("/api/v1/inspections").then().statusCode(422).body("errors[0].field", equalTo("enterpriseCreditCode"));
        as(expert.bearer()).body(InspectionFixtures.scheduleBody(enterprise, List.of(expert.id()), LocalDate.of(2024, 4, 19)))
                .post("/api/v1/inspections").then().statusCode(201);
        action(inspection, "start", expert.bearer()).statusCode(200);
        as(strangerInCounty).body(finding("OTHER", "GENERAL", null)).post("/api/v1/inspections/" + inspection + "/findings")
                .then().statusCode(403);
        as(stranger.bearer()).body(finding("OTHER", "GENERAL", null)).post("/api/v1/inspections/" + inspection + "/findings")
                .then().statusCode(404);
        action(inspection, "complete", strangerInCounty).statusCode(403);
        action(inspection, "complete", expert.bearer()).statusCode(200);
    }

    @Test
    void regulatorsReadAndWriteOnlyInsideTheirArea() {
        String outsider = TestTokens.bearer("COUNTY_REGULATOR", "county", InspectionFixtures.newCountyCode());
        as(outsider).get("/api/v1/inspections/" + inspection).then().statusCode(404).contentType(containsString("application/problem+json"));
        as(outsider).get("/api/v1/counties/" + county).then().statusCode(404);
        as(outsider).get("/api/v1/enterprises/" + enterprise).then().statusCode(404);
        as(outsider).get("/api/v1/counties/" + county + "/debriefs/2024-04-11").then().statusCode(404);
        as(outsider).queryParam("county", county).get("/api/v1/inspections").then().statusCode(200).body("total", equalTo(0));
        action(inspection, "cancel", outsider).statusCode(404);

        String insider = TestTokens.bearer("COUNTY_REGULATOR", "county", county);
        as(insider).get("/api/v1/inspections/" + inspection).then().statusCode(200);
        as(insider).queryParam("size", 500).get("/api/v1/inspections").then().statusCode(200)
                .body("items.id", hasItem(inspection)).body("items.countyCode", everyItem(equalTo(county)));
        as(insider).queryParam("size", 500).get("/api/v1/counties").then().statusCode(200).body("items.code", equalTo(List.of(county)));

        String city = TestTokens.bearer("CITY_REGULATOR", "city", "绵阳市", "province", InspectionFixtures.PROVINCE);
        as(city).get("/api/v1/inspections/" + inspection).then().statusCode(200);
        as(TestTokens.bearer("CITY_REGULATOR", "city", "德阳市")).get("/api/v1/inspections/" + inspection).then().statusCode(404);
        String province = TestTokens.bearer("PROVINCE_REGULATOR", "province", InspectionFixtures.PROVINCE);
        as(province).get("/api/v1/counties/" + county).then().statusCode(200);
        as(TestTokens.bearer("PROVINCE_REGULATOR", "province", "云南省")).get("/api/v1/counties/" + county).then().statusCode(404);

        // registration: inside the own area yes, outside no, and no moving a county out of it
        String code = InspectionFixtures.newCountyCode();
        as(TestTokens.bearer("COUNTY_REGULATOR", "county", code)).body(InspectionFixtures.countyBody(code, "绵阳市", "LEAD"))
                .post("/api/v1/counties").then().statusCode(201);
        as(insider).body(InspectionFixtures.countyBody(InspectionFixtures.newCountyCode(), "绵阳市", "LEAD")).post("/api/v1/counties").then().statusCode(403);
        Map<String, Object> moved = InspectionFixtures.countyBody(null, "绵阳市", "LEAD");
        moved.put("province", "云南省");
        as(province).body(moved).put("/api/v1/counties/" + county).then().statusCode(403);
        as(insider).body(InspectionFixtures.enterpriseBody(InspectionFixtures.newCreditCode(), county)).post("/api/v1/enterprises").then().statusCode(201);
        as(outsider).body(InspectionFixtures.enterpriseBody(InspectionFixtures.newCreditCode(), county)).post("/api/v1/enterprises").then().statusCode(422);
        // a regulator of the area may cancel
        action(inspection, "cancel", insider).statusCode(200);
    }

    @Test
    void anEnterpriseReadsItsOwnInspectionsOnly() {
        String mine = TestTokens.bearer("ENTERPRISE", "creditCode", enterprise);
        as(mine).get("/api/v1/inspections/" + inspection).then().statusCode(200).body("enterpriseCreditCode", equalTo(enterprise));
        as(mine).get("/api/v1/enterprises/" + enterprise).then().statusCode(200);
        as(mine).queryParam("size", 500).get("/api/v1/inspections").then().statusCode(200)
                .body("items.enterpriseCreditCode", everyItem(equalTo(enterprise))).body("items.id", hasItem(inspection));

        String neighbour = InspectionFixtures.enterprise(county);
        String theirs = TestTokens.bearer("ENTERPRISE", "creditCode", neighbour);
        as(theirs).get("/api/v1/inspections/" + inspection).then().statusCode(404);
        as(theirs).get("/api/v1/enterprises/" + enterprise).then().statusCode(404);
        as(theirs).queryParam("size", 500).get("/api/v1/inspections").then().statusCode(200).body("items.id", not(hasItem(inspection)));
        as(TestTokens.bearer("ENTERPRISE")).get("/api/v1/inspections/" + inspection).then().statusCode(404);
    }

    @Test
    void agencySystemsReadEverything() {
        String agency = TestTokens.bearer("AGENCY_SYSTEM");
        as(agency).get("/api/v1/inspections/" + inspection).then().statusCode(200);
        as(agency).get("/api/v1/counties/" + county + "/debriefs/2024-04-11").then().statusCode(200);
        as(agency).queryParam("county", county).get("/api/v1/enterprises").then().statusCode(200).body("items.creditCode", hasItem(enterprise));
        action(inspection, "start", agency).statusCode(403);
        as(ADMIN).get("/api/v1/inspections/" + inspection).then().statusCode(200);
    }
}
