package io.rectify.hazard;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.rectify.contracts.CloudEvent;
import io.rectify.contracts.CreditCode;
import io.rectify.contracts.EventJson;
import io.rectify.contracts.Topics;
import io.rectify.contracts.inspection.CountyRegistered;
import io.rectify.contracts.inspection.EnterpriseRegistered;
import io.rectify.contracts.inspection.InspectionScheduled;
import io.rectify.hazard.service.EnterpriseRegistry;
import io.rectify.hazard.service.InspectionAssignments;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import io.rectify.platform.testing.SamplePhotos;
import io.rectify.platform.testing.TestTokens;
import io.rectify.platform.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the hazard-service @QuarkusTests share: fresh counties registered through the real broker, valid
 * credit codes, tokens per role and scope, and reading hazard.events back. Every test uses its own
 * counties and enterprises, so tests never depend on each other's rows.
 */
public abstract class HazardTestSupport {

    protected static final TopicProbe KAFKA = new TopicProbe("127.0.0.1:9092");
    protected static final String HAZARDS = "/api/v1/hazards";

    @ConfigProperty(name = "rectify.kafka.topic-prefix")
    protected String prefix;

    @Inject
    protected EnterpriseRegistry registry;

    @Inject
    protected InspectionAssignments assignments;

    /** A county with its own city and province, so scope tests cannot match by accident. */
    public record Place(String county, String city, String province) {
    }

    protected Place newCounty() {
        String code = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase();
        Place place = new Place(code, "City " + code, "Province " + code);
        registerCounty(place);
        return place;
    }

    /** Plays inspection-service: CountyRegistered on inspection.events, then waits until hazard-service knows it. */
    protected void registerCounty(Place p) {
        CountyRegistered event = new CountyRegistered(p.county(), "County " + p.county(), p.city(), p.province(), "LEAD", "KEY", Instant.now());
        publishInspectionEvent(event.aggregateId(), UUID.randomUUID(), "CountyRegistered", EventJson.write(event));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                given(admin()).get("/api/v1/counties/" + p.county() + "/hazard-summary").statusCode() == 200);
    }

    /** A fresh enterprise registered in {@code p} (EnterpriseRegistered through the broker), once hazard-service knows it. */
    protected String newEnterprise(Place p) {
        String creditCode = newCreditCode();
        registerEnterprise(creditCode, p);
        return creditCode;
    }

    /** Plays inspection-service: EnterpriseRegistered (or a change of county), then waits until the registry holds it. */
    protected void registerEnterprise(String creditCode, Place p) {
        EnterpriseRegistered event = new EnterpriseRegistered(creditCode, "Enterprise " + creditCode, p.county(), null, false, null, Instant.now());
        publishInspectionEvent(creditCode, UUID.randomUUID(), "EnterpriseRegistered", EventJson.write(event));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() ->
                QuarkusTransaction.requiringNew().call(() -> registry.countyOf(creditCode)).filter(p.county()::equals).isPresent());
    }

    /**
     * Plays inspection-service: an inspection of the enterprise scheduled with the expert of this account
     * subject (InspectionScheduled with expertSubjects), once hazard-service knows the assignment.
     */
    protected UUID assignExpert(String subject, String creditCode, Place p) {
        UUID inspection = UUID.randomUUID();
        InspectionScheduled event = new InspectionScheduled(inspection, null, creditCode, p.county(), List.of(UUID.randomUUID()),
                List.of(subject), java.time.LocalDate.now(), "CENTRALISED", List.of(), Instant.now());
        publishInspectionEvent(inspection.toString(), UUID.randomUUID(), "InspectionScheduled", EventJson.write(event));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() ->
                QuarkusTransaction.requiringNew().call(() -> assignments.enterprisesOf(subject)).contains(creditCode));
        return inspection;
    }

    protected void publishInspectionEvent(String key, UUID eventId, String name, String json) {
        KAFKA.publish(prefix + Topics.INSPECTION_EVENTS, key,
                new CloudEvent(eventId, CloudEvent.typeOf("inspection", name), "/inspection-service", key, Instant.now()), json);
    }

    /** A well-formed credit code whose positions 3–8 carry a county-like number. */
    protected static String newCreditCode() {
        StringBuilder s = new StringBuilder("91510781");
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < 9; i++) {
            s.append(CreditCode.CHARSET.charAt(r.nextInt(CreditCode.CHARSET.length())));
        }
        return CreditCode.complete(s.toString());
    }

    // --- tokens
    protected static String admin() {
        return TestTokens.bearer("ADMIN");
    }

    protected static String agency() {
        return TestTokens.bearer("AGENCY_SYSTEM");
    }

    protected static String countyRegulator(Place p) {
        return TestTokens.bearer("COUNTY_REGULATOR", "county", p.county(), "city", p.city(), "province", p.province());
    }

    protected static String cityRegulator(Place p) {
        return TestTokens.bearer("CITY_REGULATOR", "city", p.city(), "province", p.province());
    }

    protected static String provinceRegulator(Place p) {
        return TestTokens.bearer("PROVINCE_REGULATOR", "province", p.province());
    }

    /** An expert whose token names the county: it sees the county's hazards without an assignment. */
    protected static String expert(Place p) {
        return TestTokens.bearer("EXPERT", "county", p.county());
    }

    /** An expert's token with no scope claims: it sees only the enterprises it is assigned to. */
    protected static String expertAccount(String subject) {
        return "Bearer " + TestTokens.builder(subject, "EXPERT").sign();
    }

    protected static String enterprise(String creditCode) {
        return TestTokens.bearer("ENTERPRISE", "creditCode", creditCode);
    }

    // --- requests
    protected static RequestSpecification given(String bearer) {
        RequestSpecification spec = RestAssured.given().contentType(ContentType.JSON);
        return bearer == null ? spec : spec.header("Authorization", bearer);
    }

    protected static Map<String, Object> generalReport(Place p, String creditCode, String source) {
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

    protected static Map<String, Object> majorReport(Place p, String creditCode) {
        Map<String, Object> body = generalReport(p, creditCode, "REGULATOR");
        body.put("keyTask", "MAJOR_HAZARD_INSTALLATIONS");
        body.put("grade", "MAJOR");
        body.put("majorCriterion", "MHC-07");
        body.put("description", "No automatic shut-off on the major hazard installation's storage tanks");
        return body;
    }

    /**
     * Reports a GENERAL self-check hazard as its enterprise and returns the id; the enterprise is registered
     * in {@code p} first unless hazard-service's registry has it there already (reports are checked against it).
     */
    protected String reportGeneral(Place p, String creditCode) {
        boolean known = QuarkusTransaction.requiringNew().call(() -> registry.countyOf(creditCode)).filter(p.county()::equals).isPresent();
        if (!known) {
            registerEnterprise(creditCode, p);
        }
        return given(enterprise(creditCode)).body(generalReport(p, creditCode, "SELF_CHECK"))
                .post(HAZARDS).then().statusCode(201).extract().path("id");
    }

    protected static Map<String, Object> plan(String deadline) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("responsiblePerson", "Wang Fang, plant manager");
        body.put("measures", "Replace the flange gasket, add a leak detector");
        body.put("fundingCny", 12000.50);
        body.put("deadline", deadline);
        body.put("contingencyPlan", "Isolate the line and switch to the standby feed");
        return body;
    }

    protected static Map<String, Object> plan() {
        return plan(java.time.LocalDate.now().plusDays(10).toString());
    }

    /** A rectification with one fresh photo, uploaded by {@code bearer} (who may then reference it). */
    protected static Map<String, Object> rectification(String bearer) {
        return rectificationWith(upload(bearer, SamplePhotos.png(), "image/png"));
    }

    protected static Map<String, Object> rectificationWith(String... evidenceIds) {
        return Map.of("description", "Gasket replaced, detector installed and tested",
                "evidence", java.util.Arrays.stream(evidenceIds).map(id -> Map.of("kind", "PHOTO", "evidenceId", id)).toList());
    }

    /** Uploads a file as the request body; returns its evidence id. */
    protected static String upload(String bearer, byte[] bytes, String contentType) {
        return RestAssured.given().header("Authorization", bearer).contentType(contentType).body(bytes)
                .post("/api/v1/evidence").then().statusCode(201).extract().path("id");
    }

    protected static ValidatableResponse act(String bearer, String hazardId, String action, Object body) {
        RequestSpecification spec = given(bearer);
        if (body != null) {
            spec = spec.body(body);
        }
        return spec.post(HAZARDS + "/" + hazardId + "/" + action).then();
    }

    protected static ValidatableResponse act(String bearer, String hazardId, String action, Object body, long ifMatch) {
        RequestSpecification spec = given(bearer).header("If-Match", "\"" + ifMatch + "\"");
        if (body != null) {
            spec = spec.body(body);
        }
        return spec.post(HAZARDS + "/" + hazardId + "/" + action).then();
    }

    /** Takes a GENERAL hazard of {@code creditCode} from OPEN to VERIFIED. */
    protected static void toVerified(Place p, String creditCode, String id) {
        act(enterprise(creditCode), id, "plan", plan()).statusCode(200);
        act(enterprise(creditCode), id, "rectification", rectification(enterprise(creditCode))).statusCode(200);
        act(expert(p), id, "verification", Map.of("outcome", "ACCEPTED", "comment", "checked on site")).statusCode(200);
    }

    // --- events
    /** The records of one hazard on hazard.events, waiting until {@code expected} are there. */
    protected List<ConsumerRecord<String, String>> hazardEvents(String hazardId, int expected) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> KAFKA.readAll(prefix + Topics.HAZARD_EVENTS, r -> hazardId.equals(r.key())), l -> l.size() >= expected);
    }

    protected static String type(ConsumerRecord<String, String> r) {
        return TopicProbe.header(r, CloudEvent.H_TYPE);
    }

    protected static void assertProblem(ValidatableResponse r, int status) {
        r.statusCode(status).contentType("application/problem+json");
        assertThat(r.extract().jsonPath().getInt("status")).isEqualTo(status);
    }
}
