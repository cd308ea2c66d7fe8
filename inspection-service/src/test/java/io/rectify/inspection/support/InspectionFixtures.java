package io.rectify.inspection.support;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.rectify.contracts.CreditCode;
import io.rectify.platform.testing.SamplePhotos;
import io.rectify.platform.testing.TestTokens;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;

/**
 * Test data through the API, with fresh identifiers every time: the test classes share one database,
 * so nothing may assume empty tables or fixed codes.
 */
public final class InspectionFixtures {

    public static final String ADMIN = TestTokens.bearer("ADMIN");
    public static final String PROVINCE = "四川省";
    public static final String SHA = "0123456789abcdef".repeat(4);

    private InspectionFixtures() {
    }

    /** A fresh county code: 10 uppercase letters/digits. */
    public static String newCountyCode() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase(Locale.ROOT);
    }

    /** A fresh, valid credit code whose positions 3–8 carry a six-digit county-like code. */
    public static String newCreditCode() {
        StringBuilder first17 = new StringBuilder("91510781MA6");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 6; i++) {
            first17.append(CreditCode.CHARSET.charAt(random.nextInt(CreditCode.CHARSET.length())));
        }
        return CreditCode.complete(first17.toString());
    }

    public static RequestSpecification as(String bearer) {
        RequestSpecification spec = given().contentType(ContentType.JSON).accept(ContentType.JSON);
        return bearer == null ? spec : spec.header("Authorization", bearer);
    }

    public static Map<String, Object> countyBody(String code, String city, String tier) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", "测试县 " + code);
        body.put("city", city);
        body.put("province", PROVINCE);
        body.put("tier", tier);
        body.put("status", "KEY");
        return body;
    }

    public static String county(String city) {
        String code = newCountyCode();
        as(ADMIN).body(countyBody(code, city, "LEAD")).post("/api/v1/counties").then().statusCode(201);
        return code;
    }

    public static Map<String, Object> enterpriseBody(String creditCode, String countyCode) {
        Map<String, Object> body = new HashMap<>();
        body.put("creditCode", creditCode);
        body.put("name", "测试化工有限公司 " + creditCode.substring(11));
        body.put("countyCode", countyCode);
        body.put("parkName", "江油高新区化工园");
        body.put("fineChemical", true);
        body.put("majorHazardInstallationGrade", 2);
        return body;
    }

    public static String enterprise(String countyCode) {
        String creditCode = newCreditCode();
        as(ADMIN).body(enterpriseBody(creditCode, countyCode)).post("/api/v1/enterprises").then().statusCode(201);
        return creditCode;
    }

    /** An expert with an account: {@code bearer} is that account's token. */
    public record Expert(UUID id, String subject, String bearer) {
    }

    public static Expert expert() {
        String subject = "expert-" + UUID.randomUUID();
        String id = as(ADMIN).body(Map.of("name", "王工", "specialties", List.of("process safety", "instrumentation"), "subject", subject))
                .post("/api/v1/experts").then().statusCode(201).extract().path("id");
        return new Expert(UUID.fromString(id), subject, "Bearer " + TestTokens.builder(subject, "EXPERT").sign());
    }

    public static Map<String, Object> scheduleBody(String creditCode, List<UUID> experts, LocalDate day, String... keyTasks) {
        Map<String, Object> body = new HashMap<>();
        body.put("enterpriseCreditCode", creditCode);
        body.put("expertIds", experts.stream().map(UUID::toString).toList());
        body.put("scheduledOn", day.toString());
        body.put("mode", "CENTRALISED");
        body.put("keyTasks", keyTasks.length == 0 ? List.of("MAJOR_HAZARD_INSTALLATIONS", "FINE_CHEMICAL_FOUR_ZEROINGS") : List.of(keyTasks));
        return body;
    }

    /** Scheduled by a regulator (ADMIN here) with the expert on it: experts schedule only where they are already assigned. */
    public static String schedule(String creditCode, Expert expert, LocalDate day) {
        return as(ADMIN).body(scheduleBody(creditCode, List.of(expert.id()), day))
                .post("/api/v1/inspections").then().statusCode(201).extract().path("id");
    }

    public static ValidatableResponse action(String inspectionId, String action, String bearer) {
        return as(bearer).body(action.equals("cancel") ? Map.of("reason", "enterprise shut down for maintenance") : Map.of())
                .post("/api/v1/inspections/" + inspectionId + "/" + action).then();
    }

    public static Map<String, Object> finding(String keyTask, String grade, String criterion, Map<String, Object>... evidence) {
        Map<String, Object> body = new HashMap<>();
        body.put("keyTask", keyTask);
        body.put("grade", grade);
        if (criterion != null) {
            body.put("majorCriterion", criterion);
        }
        body.put("description", "储罐区未设置紧急切断装置 " + grade);
        body.put("location", "罐区 T-3");
        body.put("recommendedMeasure", "加装紧急切断阀并接入SIS");
        body.put("rectificationDays", 30);
        body.put("evidence", new ArrayList<>(List.of(evidence)));
        return body;
    }

    /** A fresh file of this kind uploaded by the expert (who may then reference it), as a finding's evidence item. */
    public static Map<String, Object> evidence(Expert expert, String kind) {
        boolean photo = kind.equals("PHOTO");
        String id = given().header("Authorization", expert.bearer()).contentType(photo ? "image/png" : "application/pdf")
                .body(photo ? SamplePhotos.png() : SamplePhotos.pdf()).post("/api/v1/evidence").then().statusCode(201).extract().path("id");
        return Map.of("kind", kind, "evidenceId", id);
    }

    public static String recordFinding(String inspectionId, Expert expert, Map<String, Object> finding) {
        return as(expert.bearer()).body(finding).post("/api/v1/inspections/" + inspectionId + "/findings")
                .then().statusCode(201).extract().path("id");
    }

    /** The expert requests the consent and a token of the inspected enterprise confirms it. */
    public static void consent(String inspectionId, Expert expert, String scope) {
        String consentId = as(expert.bearer()).body(Map.of("scope", scope))
                .post("/api/v1/inspections/" + inspectionId + "/consents").then().statusCode(201)
                .body("status", org.hamcrest.Matchers.equalTo("REQUESTED")).extract().path("id");
        String enterprise = as(ADMIN).get("/api/v1/inspections/" + inspectionId).then().extract().path("enterpriseCreditCode");
        as(enterpriseToken(enterprise)).body(Map.of("grantedBy", "张伟 (安全总监)"))
                .post("/api/v1/inspections/" + inspectionId + "/consents/" + consentId + "/confirmation").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("GRANTED"));
    }

    public static String enterpriseToken(String creditCode) {
        return "Bearer " + TestTokens.builder("enterprise-" + creditCode, "ENTERPRISE", "creditCode", creditCode).sign();
    }
}
