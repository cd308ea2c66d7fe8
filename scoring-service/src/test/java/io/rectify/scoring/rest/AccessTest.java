package io.rectify.scoring.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.rectify.platform.testing.TestTokens;
import io.rectify.scoring.support.CountyStory;
import io.rectify.scoring.support.ScoringTestBase;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.rectify.scoring.support.ScoringFixtures.ADMIN;
import static io.rectify.scoring.support.ScoringFixtures.awaitIndex;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** 401 / 403 / 404 and scope per role, and no 500 for bad input (domain.md "Roles and data scope"). */
@QuarkusTest
class AccessTest extends ScoringTestBase {

    static final String PROBLEM = "application/problem+json";

    CountyStory x;
    CountyStory y;
    String enterpriseOfX;

    @BeforeEach
    void twoCounties() {
        x = CountyStory.create();
        y = CountyStory.create();
        enterpriseOfX = CountyStory.newCreditCode();
        for (CountyStory county : List.of(x, y)) {
            String enterprise = county == x ? enterpriseOfX : CountyStory.newCreditCode();
            upstream.publish(county.registered());
            upstream.publish(county.enterprise(enterprise));
            upstream.publish(county.inspected(enterprise, Instant.now()));
        }
        awaitIndex(x.code, "100.0");
        awaitIndex(y.code, "100.0");
    }

    @Test
    void withoutAValidTokenEveryEndpointIs401() {
        for (String token : new String[]{null, "Bearer " + TestTokens.expired("ADMIN"), "Bearer " + TestTokens.wrongIssuer("ADMIN"), "Bearer garbage"}) {
            as(token).get("/api/v1/counties/{c}/index", x.code).then().statusCode(401).contentType(PROBLEM);
            as(token).get("/api/v1/counties/{c}/index/history", x.code).then().statusCode(401);
            as(token).get("/api/v1/rankings").then().statusCode(401);
            as(token).get("/api/v1/rubrics").then().statusCode(401);
            as(token).get("/api/v1/rubrics/2024.1").then().statusCode(401);
            as(token).contentType(ContentType.JSON).body("{}").put("/api/v1/rubrics/2024.1").then().statusCode(401);
            as(token).get("/api/v1/admin/rebuild").then().statusCode(401);
            as(token).post("/api/v1/admin/rebuild").then().statusCode(401);
        }
    }

    @Test
    void operationsEndpointsNeedNoToken() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/index-stream"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/counties/{code}/index"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/rubrics/{version}"));
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void onlyAnAdminMayRebuild() {
        for (String role : List.of("PROVINCE_REGULATOR", "CITY_REGULATOR", "COUNTY_REGULATOR", "EXPERT", "ENTERPRISE", "AGENCY_SYSTEM")) {
            as(TestTokens.bearer(role)).get("/api/v1/admin/rebuild").then().statusCode(403).contentType(PROBLEM);
            as(TestTokens.bearer(role)).post("/api/v1/admin/rebuild").then().statusCode(403).contentType(PROBLEM);
        }
        as(ADMIN).get("/api/v1/admin/rebuild").then().statusCode(200).body("state", notNullValue());
    }

    @Test
    void regulatorsReadTheirCountiesOnly() {
        assertScope(TestTokens.bearer("COUNTY_REGULATOR", "county", x.code));
        assertScope(TestTokens.bearer("CITY_REGULATOR", "city", x.city, "province", x.province));
        assertScope(TestTokens.bearer("PROVINCE_REGULATOR", "province", x.province));
        assertScope(TestTokens.bearer("EXPERT", "county", x.code));
        // experts see by assignment (enterprises) and their token's county: a county index only through the county claim
        String bareExpert = TestTokens.bearer("EXPERT", "province", x.province);
        as(bareExpert).get("/api/v1/counties/{c}/index", x.code).then().statusCode(404).contentType(PROBLEM);
        as(bareExpert).queryParam("size", 500).get("/api/v1/rankings").then().statusCode(200).body("total", equalTo(0));
        for (String everywhere : List.of(ADMIN, TestTokens.bearer("AGENCY_SYSTEM"))) {
            as(everywhere).get("/api/v1/counties/{c}/index", y.code).then().statusCode(200);
            as(everywhere).queryParam("size", 500).get("/api/v1/rankings").then().statusCode(200)
                    .body("items.countyCode", hasItem(x.code)).body("items.countyCode", hasItem(y.code));
        }
    }

    @Test
    void anEnterpriseReadsTheIndexOfItsOwnCountyOnly() {
        assertScope(TestTokens.bearer("ENTERPRISE", "creditCode", enterpriseOfX));
        String stranger = TestTokens.bearer("ENTERPRISE", "creditCode", CountyStory.newCreditCode());
        as(stranger).get("/api/v1/counties/{c}/index", x.code).then().statusCode(404).contentType(PROBLEM);
        as(stranger).queryParam("size", 500).get("/api/v1/rankings").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void badInputIsAProblemNeverA500() {
        as(ADMIN).get("/api/v1/counties/{c}/index?period=abc", x.code).then().statusCode(422).contentType(PROBLEM)
                .body("errors[0].field", equalTo("period"));
        as(ADMIN).get("/api/v1/counties/{c}/index?period=1999", x.code).then().statusCode(422).contentType(PROBLEM);
        as(ADMIN).get("/api/v1/counties/{c}/index?period=99999999999", x.code).then().statusCode(422).contentType(PROBLEM);
        as(ADMIN).get("/api/v1/counties/{c}/index/history?from=yesterday", x.code).then().statusCode(422).contentType(PROBLEM)
                .body("errors[0].field", equalTo("from"));
        as(ADMIN).get("/api/v1/counties/{c}/index/history?from=2025-02-01&to=2025-01-01", x.code).then().statusCode(422);
        as(ADMIN).get("/api/v1/counties/{c}/index/history?size=0", x.code).then().statusCode(422).contentType(PROBLEM);
        as(ADMIN).get("/api/v1/counties/{c}/index/history?page=-1", x.code).then().statusCode(422).contentType(PROBLEM);
        as(ADMIN).get("/api/v1/rankings?size=501").then().statusCode(422).contentType(PROBLEM);
        as(ADMIN).get("/api/v1/rankings?period=next").then().statusCode(422).contentType(PROBLEM);
        as(ADMIN).get("/api/v1/counties/{c}/index", "T000000000").then().statusCode(404).contentType(PROBLEM);
        as(ADMIN).get("/api/v1/counties/{c}/index", "lower-case").then().statusCode(404).contentType(PROBLEM);
        as(ADMIN).get("/api/v1/counties/{c}/index", "X".repeat(300)).then().statusCode(404).contentType(PROBLEM);
        as(ADMIN).get("/api/v1/counties/{c}/index", "'; drop table county; --").then().statusCode(404);
        as(ADMIN).get("/api/v1/counties/{c}/index/history?from='%20or%201=1", x.code).then().statusCode(422);
        // the page past every int offset is an empty page (the offset is a long); one past an int is a 422
        for (String list : new String[]{"/api/v1/rankings", "/api/v1/counties/" + x.code + "/index/history", "/api/v1/rubrics"}) {
            as(ADMIN).get(list + "?page=2147483647&size=500").then().statusCode(200).body("items.size()", equalTo(0));
            as(ADMIN).get(list + "?page=2147483648").then().statusCode(422).contentType(PROBLEM).body("errors[0].field", equalTo("page"));
        }
    }

    @Test
    void historyAndAPeriodNeverComputed() {
        // the three events travel on different partitions, so the steps in between vary; the last one is 100
        int total = as(ADMIN).get("/api/v1/counties/{c}/index/history", x.code).then().statusCode(200)
                .body("page", equalTo(0)).body("size", equalTo(50)).extract().path("total");
        org.assertj.core.api.Assertions.assertThat(total).isBetween(1, 3);
        as(ADMIN).get("/api/v1/counties/{c}/index/history?size=1&page=" + (total - 1), x.code).then().statusCode(200)
                .body("items", org.hamcrest.Matchers.hasSize(1)).body("items[0].index", equalTo(100.0f)).body("total", equalTo(total));
        as(ADMIN).get("/api/v1/counties/{c}/index/history?from=2001-01-01&to=2001-12-31", x.code).then().statusCode(200)
                .body("total", equalTo(0));
        // 2001: registered enterprise, no inspection in that year → COVERAGE 0; computed on request, not stored
        as(ADMIN).get("/api/v1/counties/{c}/index?period=2001", x.code).then().statusCode(200)
                .body("period", equalTo(2001)).body("index", equalTo(0.0f)).header("ETag", nullValue());
        as(ADMIN).get("/api/v1/counties/{c}/index", x.code).then().statusCode(200).header("ETag", not(emptyOrNullString()))
                .body("indicators.code", hasItem("COVERAGE")).body("deductions.code", hasItem("OVERDUE_MAJOR"));
    }

    private void assertScope(String token) {
        as(token).get("/api/v1/counties/{c}/index", x.code).then().statusCode(200).body("countyCode", equalTo(x.code));
        as(token).get("/api/v1/counties/{c}/index/history", x.code).then().statusCode(200);
        as(token).get("/api/v1/counties/{c}/index", y.code).then().statusCode(404).contentType(PROBLEM);
        as(token).get("/api/v1/counties/{c}/index/history", y.code).then().statusCode(404).contentType(PROBLEM);
        as(token).queryParam("size", 500).get("/api/v1/rankings").then().statusCode(200)
                .body("items.countyCode", everyItem(equalTo(x.code))).body("total", equalTo(1))
                .body("items[0].rank", notNullValue()).body("items[0].countyName", equalTo(x.name));
        as(token).get("/api/v1/rubrics/2024.1").then().statusCode(200);
    }

    private static RequestSpecification as(String authorization) {
        RequestSpecification spec = given();
        return authorization == null ? spec : spec.header("Authorization", authorization);
    }
}
