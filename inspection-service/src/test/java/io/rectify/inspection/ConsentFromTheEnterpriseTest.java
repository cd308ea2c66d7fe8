package io.rectify.inspection;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectify.contracts.CloudEvent;
import io.rectify.contracts.EventJson;
import io.rectify.contracts.Topics;
import io.rectify.contracts.inspection.ConsentGranted;
import io.rectify.inspection.support.InspectionFixtures;
import io.rectify.platform.testing.TestTokens;
import io.rectify.platform.testing.TopicProbe;
import io.rectify.platform.testing.reliability.DatabaseFingerprint;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.rectify.inspection.support.InspectionFixtures.ADMIN;
import static io.rectify.inspection.support.InspectionFixtures.action;
import static io.rectify.inspection.support.InspectionFixtures.as;
import static io.rectify.inspection.support.InspectionFixtures.evidence;
import static io.rectify.inspection.support.InspectionFixtures.finding;
import static io.rectify.inspection.support.InspectionFixtures.schedule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Consent comes from the enterprise (issue 12, point 4): an expert's request does not count; only a
 * token of the inspected enterprise confirms it (or grants it unasked); DCS/SIS evidence and document
 * copies are 409 until then. Refusals are problem+json and change nothing; both acts keep who and when.
 */
@QuarkusTest
class ConsentFromTheEnterpriseTest {

    @ConfigProperty(name = "rectify.kafka.topic-prefix")
    String prefix;

    @Inject
    AgroalDataSource dataSource;

    private final TopicProbe probe = new TopicProbe("127.0.0.1:9092");

    @Test
    void anExpertsRequestCountsOnlyOnceTheEnterpriseConfirmsIt() {
        String county = InspectionFixtures.county("绵阳市");
        String enterprise = InspectionFixtures.enterprise(county);
        String neighbour = InspectionFixtures.enterprise(county);
        InspectionFixtures.Expert expert = InspectionFixtures.expert();
        String id = schedule(enterprise, expert, LocalDate.of(2024, 4, 11));
        action(id, "start", expert.bearer()).statusCode(200);
        String path = "/api/v1/inspections/" + id + "/consents";
        var withDcs = finding("MAJOR_HAZARD_INSTALLATIONS", "MAJOR", "MHC-04", evidence(expert, "PHOTO"), evidence(expert, "CONTROL_SYSTEM_DATA"));

        // the expert asks; a "granted by" typed in by the expert is not the enterprise's word
        problem(as(expert.bearer()).body(Map.of("scope", "CONTROL_SYSTEM_DATA", "grantedBy", "张伟 (安全总监)")).post(path).then(), 422)
                .body("errors[0].field", equalTo("grantedBy"));
        String consentId = as(expert.bearer()).body(Map.of("scope", "CONTROL_SYSTEM_DATA")).post(path).then().statusCode(201)
                .body("status", equalTo("REQUESTED")).body("requestedBy", equalTo(expert.subject())).body("requestedAt", notNullValue())
                .body("grantedBy", nullValue()).body("confirmedBy", nullValue()).extract().path("id");
        String confirmation = path + "/" + consentId + "/confirmation";

        DatabaseFingerprint fingerprint = new DatabaseFingerprint(dataSource, Set.of());
        Map<String, Long> before = fingerprint.take();
        // a request alone lets no DCS data in
        problem(as(expert.bearer()).body(withDcs).post("/api/v1/inspections/" + id + "/findings").then(), 409)
                .body("missingConsent", equalTo("CONTROL_SYSTEM_DATA"));
        // nobody but the inspected enterprise says yes: not the expert, not an ADMIN, not another enterprise
        problem(as(expert.bearer()).body(Map.of()).post(confirmation).then(), 403);
        problem(as(ADMIN).body(Map.of()).post(confirmation).then(), 403);
        problem(as(InspectionFixtures.enterpriseToken(neighbour)).body(Map.of()).post(confirmation).then(), 404);
        problem(as(InspectionFixtures.enterpriseToken(neighbour)).body(Map.of("scope", "CONTROL_SYSTEM_DATA")).post(path).then(), 404);
        problem(as(TestTokens.bearer("ENTERPRISE")).body(Map.of()).post(confirmation).then(), 404);
        // asking twice for the same scope
        problem(as(expert.bearer()).body(Map.of("scope", "CONTROL_SYSTEM_DATA")).post(path).then(), 409);
        assertThat(DatabaseFingerprint.diff(before, fingerprint.take())).as("refusals change nothing").isEmpty();

        String mine = InspectionFixtures.enterpriseToken(enterprise);
        as(mine).body(Map.of("grantedBy", "张伟 (安全总监)")).post(confirmation).then().statusCode(200)
                .header("ETag", notNullValue())
                .body("status", equalTo("GRANTED")).body("grantedBy", equalTo("张伟 (安全总监)")).body("grantedAt", notNullValue())
                .body("confirmedBy", equalTo("enterprise-" + enterprise)).body("requestedBy", equalTo(expert.subject()));
        problem(as(mine).body(Map.of()).post(confirmation).then(), 409).body("detail", containsString("already granted"));
        as(expert.bearer()).body(withDcs).post("/api/v1/inspections/" + id + "/findings").then().statusCode(201);

        // granted unasked: the enterprise's own act, no request behind it
        as(mine).body(Map.of("scope", "DOCUMENT_COPY")).post(path).then().statusCode(201)
                .body("status", equalTo("GRANTED")).body("requestedBy", nullValue()).body("grantedBy", equalTo("enterprise-" + enterprise));
        as(expert.bearer()).body(finding("RECTIFICATION_CLOSURE", "GENERAL", null, evidence(expert, "DOCUMENT_COPY")))
                .post("/api/v1/inspections/" + id + "/findings").then().statusCode(201);

        List<ConsumerRecord<String, String>> granted = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> probe.readAll(prefix + Topics.INSPECTION_EVENTS, r -> id.equals(r.key())
                        && TopicProbe.header(r, CloudEvent.H_TYPE).equals("rectify.inspection.ConsentGranted.v1")), l -> l.size() >= 2);
        assertThat(granted).hasSize(2);
        ConsentGranted confirmed = EventJson.read(granted.get(0).value(), ConsentGranted.class);
        assertThat(confirmed.scope()).isEqualTo("CONTROL_SYSTEM_DATA");
        assertThat(confirmed.requestedBy()).isEqualTo(expert.subject());
        assertThat(confirmed.requestedAt()).isNotNull();
        assertThat(confirmed.confirmedBy()).isEqualTo("enterprise-" + enterprise);
        assertThat(confirmed.grantedBy()).isEqualTo("张伟 (安全总监)");
        assertThat(EventJson.read(granted.get(1).value(), ConsentGranted.class).requestedBy()).isNull();
    }

    private static ValidatableResponse problem(ValidatableResponse r, int status) {
        return r.statusCode(status).contentType(containsString("application/problem+json"));
    }
}
