package io.rectify.hazard.support;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.rectify.contracts.CloudEvent;
import io.rectify.contracts.CreditCode;
import io.rectify.platform.testing.SamplePhotos;
import io.rectify.platform.testing.TestTokens;
import io.rectify.platform.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hazard-service's static test data, through the API: places, valid credit codes, tokens per role and scope,
 * request bodies, and the REST calls the tests make again and again. What needs the running service's beans
 * or config (registering counties and enterprises, reading hazard.events) is in {@link HazardTestBase}.
 */
public final class HazardFixtures {

    public static final String HAZARDS = "/api/v1/hazards";

    private HazardFixtures() {
    }

    /** A county with its own city and province, so scope tests cannot match by accident. */
    public record Place(String county, String city, String province) {
    }

    /** A well-formed credit code whose positions 3–8 carry a county-like number. */
    public static String newCreditCode() {
        StringBuilder s = new StringBuilder("91510781");
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < 9; i++) {
            s.append(CreditCode.CHARSET.charAt(r.nextInt(CreditCode.CHARSET.length())));
        }
        return CreditCode.complete(s.toString());
    }

    // --- tokens
    public static String admin() {
        return TestTokens.bearer("ADMIN");
    }

    public static String agency() {
        return TestTokens.bearer("AGENCY_SYSTEM");
    }

    public static String countyRegulator(Place p) {
        return TestTokens.bearer("COUNTY_REGULATOR", "county", p.county(), "city", p.city(), "province", p.province());
    }

    public static String cityRegulator(Place p) {
        return TestTokens.bearer("CITY_REGULATOR", "city", p.city(), "province", p.province());
    }

    public static String provinceRegulator(Place p) {
        return TestTokens.bearer("PROVINCE_REGULATOR", "province", p.province());
    }

    /** An expert whose token names the county: it sees the county's hazards without an assignment. */
    public static String expert(Place p) {
        return TestTokens.bearer("EXPERT", "county", p.county());
    }

    /** An expert's token with no scope claims: it sees only the enterprises it is assigned to. */
    public static String expertAccount(String subject) {
        return "Bearer " + TestTokens.builder(subject, "EXPERT").sign();
    }

    public static String enterprise(String creditCode) {
        return TestTokens.bearer("ENTERPRISE", "creditCode", creditCode);
    }

    // --- requests
    public static RequestSpecification given(String bearer) {
        RequestSpecification spec = RestAssured.given().contentType(ContentType.JSON);
        return bearer == null ? spec : spec.header("Authorization", bearer);
    }

    public static Map<String, Object> generalReport(Place p, String creditCode, String source) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("enterpriseCreditCode", creditCode);
        body.put("countyCode", p.county());
        body.put("keyTask", "EQUIPMENT_RUNNING_WITH_DEFECTS");
        body.put("grade", "GENERAL");
        body.put("description", "Leaking flange on the chlorine feed line");
        body.put("location", "Unit 2, pipe rack B");
        body.put("rectificationDays", 30);
        body.put("source", source);
        return body;
    }

    public static Map<String, Object> majorReport(Place p, String creditCode) {
        Map<String, Object> body = generalReport(p, creditCode, "REGULATOR");
        body.put("keyTask", "MAJOR_HAZARD_INSTALLATIONS");
        body.put("grade", "MAJOR");
        body.put("majorCriterion", "MHC-07");
        body.put("description", "No automatic shut-off on the major hazard installation's storage tanks");
        return body;
    }

    public static Map<String, Object> plan(String deadline) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("responsiblePerson", "Wang Fang, plant manager");
        body.put("measures", "Replace the flange gasket, add a leak detector");
        body.put("fundingCny", 12000.50);
        body.put("deadline", deadline);
        body.put("contingencyPlan", "Isolate the line and switch to the standby feed");
        return body;
    }

    public static Map<String, Object> plan() {
        return plan(java.time.LocalDate.now().plusDays(10).toString());
    }

    /** A rectification with one fresh photo, uploaded by {@code bearer} (who may then reference it). */
    public static Map<String, Object> rectification(String bearer) {
        return rectificationWith(upload(bearer, SamplePhotos.png(), "image/png"));
    }

    public static Map<String, Object> rectificationWith(String... evidenceIds) {
        return Map.of("description", "Gasket replaced, detector installed and tested",
                "evidence", java.util.Arrays.stream(evidenceIds).map(id -> Map.of("kind", "PHOTO", "evidenceId", id)).toList());
    }

    /** Uploads a file as the request body; returns its evidence id. */
    public static String upload(String bearer, byte[] bytes, String contentType) {
        return RestAssured.given().header("Authorization", bearer).contentType(contentType).body(bytes)
                .post("/api/v1/evidence").then().statusCode(201).extract().path("id");
    }

    public static ValidatableResponse act(String bearer, String hazardId, String action, Object body) {
        RequestSpecification spec = given(bearer);
        if (body != null) {
            spec = spec.body(body);
        }
        return spec.post(HAZARDS + "/" + hazardId + "/" + action).then();
    }

    public static ValidatableResponse act(String bearer, String hazardId, String action, Object body, long ifMatch) {
        RequestSpecification spec = given(bearer).header("If-Match", "\"" + ifMatch + "\"");
        if (body != null) {
            spec = spec.body(body);
        }
        return spec.post(HAZARDS + "/" + hazardId + "/" + action).then();
    }

    /** Takes a GENERAL hazard of {@code creditCode} from OPEN to VERIFIED. */
    public static void toVerified(Place p, String creditCode, String id) {
        act(enterprise(creditCode), id, "plan", plan()).statusCode(200);
        act(enterprise(creditCode), id, "rectification", rectification(enterprise(creditCode))).statusCode(200);
        act(expert(p), id, "verification", Map.of("outcome", "ACCEPTED", "comment", "checked on site")).statusCode(200);
    }

    // --- events and answers
    public static String type(ConsumerRecord<String, String> r) {
        return TopicProbe.header(r, CloudEvent.H_TYPE);
    }

    public static void assertProblem(ValidatableResponse r, int status) {
        r.statusCode(status).contentType("application/problem+json");
        assertThat(r.extract().jsonPath().getInt("status")).isEqualTo(status);
    }
}
