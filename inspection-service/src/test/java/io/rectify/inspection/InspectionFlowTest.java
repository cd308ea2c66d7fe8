package io.rectify.inspection;

import io.quarkus.test.junit.QuarkusTest;
import io.rectify.contracts.CloudEvent;
import io.rectify.contracts.EventJson;
import io.rectify.contracts.Topics;
import io.rectify.contracts.inspection.ConsentGranted;
import io.rectify.contracts.inspection.FindingConfirmed;
import io.rectify.contracts.inspection.InspectionCompleted;
import io.rectify.inspection.support.InspectionFixtures;
import io.rectify.platform.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.rectify.inspection.support.InspectionFixtures.ADMIN;
import static io.rectify.inspection.support.InspectionFixtures.action;
import static io.rectify.inspection.support.InspectionFixtures.as;
import static io.rectify.inspection.support.InspectionFixtures.consent;
import static io.rectify.inspection.support.InspectionFixtures.evidence;
import static io.rectify.inspection.support.InspectionFixtures.finding;
import static io.rectify.inspection.support.InspectionFixtures.recordFinding;
import static io.rectify.inspection.support.InspectionFixtures.schedule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/** The inspection lifecycle end to end on the real database, with the events read back from the real broker. */
@QuarkusTest
class InspectionFlowTest {

    @ConfigProperty(name = "rectify.kafka.topic-prefix")
    String prefix;

    private final TopicProbe probe = new TopicProbe("127.0.0.1:9092");

    private List<ConsumerRecord<String, String>> eventsOf(String key, int atLeast) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> probe.readAll(prefix + Topics.INSPECTION_EVENTS, r -> key.equals(r.key())), records -> records.size() >= atLeast);
    }

    private static String type(ConsumerRecord<String, String> record) {
        return TopicProbe.header(record, CloudEvent.H_TYPE);
    }

    @Test
    void aFullInspectionPublishesOneFindingConfirmedPerFindingAndInspectionCompleted() {
        String county = InspectionFixtures.county("绵阳市");
        String enterprise = InspectionFixtures.enterprise(county);
        InspectionFixtures.Expert expert = InspectionFixtures.expert();
        String id = schedule(enterprise, expert, LocalDate.of(2024, 4, 11));

        String etag = as(expert.bearer()).get("/api/v1/inspections/" + id).then().statusCode(200)
                .body("status", equalTo("SCHEDULED")).body("allowedActions", equalTo(List.of("start", "cancel", "record-consent")))
                .extract().header("ETag");
        as(expert.bearer()).header("If-Match", etag).post("/api/v1/inspections/" + id + "/start").then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS")).body("startedAt", notNullValue());
        consent(id, expert, "CONTROL_SYSTEM_DATA");
        String general = recordFinding(id, expert, finding("FINE_CHEMICAL_FOUR_ZEROINGS", "GENERAL", null, evidence(expert, "PHOTO")));
        String major = recordFinding(id, expert, finding("MAJOR_HAZARD_INSTALLATIONS", "MAJOR", "MHC-05",
                evidence(expert, "PHOTO"), evidence(expert, "CONTROL_SYSTEM_DATA")));
        String withdrawn = recordFinding(id, expert, finding("OTHER", "GENERAL", null));
        as(expert.bearer()).delete("/api/v1/inspections/" + id + "/findings/" + withdrawn).then().statusCode(204);

        as(expert.bearer()).body(Map.of("summary", "两项问题，其中一项重大隐患")).post("/api/v1/inspections/" + id + "/complete")
                .then().statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("completedAt", notNullValue())
                .body("allowedActions", hasSize(0))
                .body("findings", hasSize(3))
                .body("findings.find { it.id == '" + withdrawn + "' }.withdrawnAt", notNullValue());

        List<ConsumerRecord<String, String>> events = eventsOf(id, 6);
        assertThat(events).extracting(InspectionFlowTest::type).containsExactly(
                "rectify.inspection.InspectionScheduled.v1",
                "rectify.inspection.InspectionStarted.v1",
                "rectify.inspection.ConsentGranted.v1",
                "rectify.inspection.FindingConfirmed.v1",
                "rectify.inspection.FindingConfirmed.v1",
                "rectify.inspection.InspectionCompleted.v1");
        assertThat(events).allSatisfy(r -> {
            assertThat(TopicProbe.header(r, CloudEvent.H_SUBJECT)).isEqualTo(id);
            assertThat(TopicProbe.header(r, CloudEvent.H_SOURCE)).isEqualTo("/inspection-service");
            assertThat(TopicProbe.header(r, CloudEvent.H_SPECVERSION)).isEqualTo("1.0");
            assertThat(TopicProbe.header(r, CloudEvent.H_CONTENT_TYPE)).isEqualTo("application/json");
        });
        assertThat(events).extracting(r -> TopicProbe.header(r, CloudEvent.H_ID)).doesNotHaveDuplicates();

        List<FindingConfirmed> confirmed = events.stream().filter(r -> type(r).endsWith("FindingConfirmed.v1"))
                .map(r -> EventJson.read(r.value(), FindingConfirmed.class)).toList();
        assertThat(confirmed).extracting(f -> f.findingId().toString()).containsExactlyInAnyOrder(general, major);
        assertThat(confirmed).allSatisfy(f -> {
            assertThat(f.inspectionId()).isEqualTo(UUID.fromString(id));
            assertThat(f.countyCode()).isEqualTo(county);
            assertThat(f.enterpriseCreditCode()).isEqualTo(enterprise);
            assertThat(f.rectificationDays()).isEqualTo(30);
            assertThat(f.confirmedAt()).isNotNull();
            assertThat(f.inspectedOn()).isEqualTo(LocalDate.of(2024, 4, 11));
            assertThat(f.description()).startsWith("储罐区未设置紧急切断装置");
        });
        FindingConfirmed majorEvent = confirmed.stream().filter(f -> f.grade().equals("MAJOR")).findFirst().orElseThrow();
        assertThat(majorEvent.majorCriterion()).isEqualTo("MHC-05");
        assertThat(majorEvent.keyTask()).isEqualTo("MAJOR_HAZARD_INSTALLATIONS");
        assertThat(majorEvent.evidence()).extracting(e -> e.kind()).containsExactly("PHOTO", "CONTROL_SYSTEM_DATA");
        // references only: the uploaded file's id, digest, type and size, never its bytes
        assertThat(majorEvent.evidence()).allSatisfy(e -> {
            assertThat(e.evidenceId()).isNotNull();
            assertThat(e.uri()).isEqualTo("/api/v1/evidence/" + e.evidenceId());
            assertThat(e.sha256()).hasSize(64);
            assertThat(e.size()).isPositive();
            assertThat(e.verified()).isTrue();
        });
        assertThat(majorEvent.evidence()).extracting(e -> e.mediaType()).containsExactly("image/png", "application/pdf");
        FindingConfirmed generalEvent = confirmed.stream().filter(f -> f.grade().equals("GENERAL")).findFirst().orElseThrow();
        assertThat(generalEvent.majorCriterion()).isNull();

        InspectionCompleted completed = EventJson.read(events.get(5).value(), InspectionCompleted.class);
        assertThat(completed.findingCount()).isEqualTo(2);
        assertThat(completed.summary()).isEqualTo("两项问题，其中一项重大隐患");
        assertThat(completed.countyCode()).isEqualTo(county);
        ConsentGranted consent = EventJson.read(events.get(2).value(), ConsentGranted.class);
        assertThat(consent.scope()).isEqualTo("CONTROL_SYSTEM_DATA");
        assertThat(consent.grantedBy()).isEqualTo("张伟 (安全总监)");
    }

    @Test
    void completingTwiceAndEditingAfterCompletionAre409AndPublishNothingMore() {
        String enterprise = InspectionFixtures.enterprise(InspectionFixtures.county("绵阳市"));
        InspectionFixtures.Expert expert = InspectionFixtures.expert();
        String id = schedule(enterprise, expert, LocalDate.of(2024, 4, 12));
        action(id, "start", expert.bearer()).statusCode(200);
        String findingId = recordFinding(id, expert, finding("THREE_ONES", "GENERAL", null));
        action(id, "complete", expert.bearer()).statusCode(200);

        action(id, "complete", expert.bearer()).statusCode(409)
                .contentType(containsString("application/problem+json"))
                .body("currentStatus", equalTo("COMPLETED"))
                .body("allowedActions", hasSize(0))
                .body("detail", containsString("'complete' is not allowed while the status is COMPLETED"));
        as(expert.bearer()).body(finding("THREE_ONES", "GENERAL", null)).put("/api/v1/inspections/" + id + "/findings/" + findingId)
                .then().statusCode(409).body("currentStatus", equalTo("COMPLETED"));
        as(expert.bearer()).delete("/api/v1/inspections/" + id + "/findings/" + findingId).then().statusCode(409);
        as(expert.bearer()).body(finding("THREE_ONES", "GENERAL", null)).post("/api/v1/inspections/" + id + "/findings")
                .then().statusCode(409);
        as(expert.bearer()).body(Map.of("scope", "DOCUMENT_COPY", "grantedBy", "x")).post("/api/v1/inspections/" + id + "/consents")
                .then().statusCode(409);
        action(id, "start", expert.bearer()).statusCode(409);
        action(id, "cancel", expert.bearer()).statusCode(409);

        // the finding is unchanged and the refused calls left no trace on the topic
        as(expert.bearer()).get("/api/v1/inspections/" + id + "/findings/" + findingId).then().statusCode(200)
                .body("keyTask", equalTo("THREE_ONES")).body("withdrawnAt", equalTo(null));
        List<ConsumerRecord<String, String>> events = eventsOf(id, 4);
        assertThat(events).extracting(InspectionFlowTest::type).containsExactly(
                "rectify.inspection.InspectionScheduled.v1", "rectify.inspection.InspectionStarted.v1",
                "rectify.inspection.FindingConfirmed.v1", "rectify.inspection.InspectionCompleted.v1");
    }

    @Test
    void twoConcurrentCompletionsEndAsOne200AndOne409WithOneSetOfEvents() throws Exception {
        String enterprise = InspectionFixtures.enterprise(InspectionFixtures.county("绵阳市"));
        InspectionFixtures.Expert expert = InspectionFixtures.expert();
        String id = schedule(enterprise, expert, LocalDate.of(2024, 4, 18));
        action(id, "start", expert.bearer()).statusCode(200);
        recordFinding(id, expert, finding("OTHER", "GENERAL", null));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> action(id, "complete", expert.bearer()).extract().statusCode());
            var second = pool.submit(() -> action(id, "complete", expert.bearer()).extract().statusCode());
            assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdown();
        }
        assertThat(eventsOf(id, 4)).extracting(InspectionFlowTest::type).containsExactly(
                "rectify.inspection.InspectionScheduled.v1", "rectify.inspection.InspectionStarted.v1",
                "rectify.inspection.FindingConfirmed.v1", "rectify.inspection.InspectionCompleted.v1");
    }

    @Test
    void controlSystemEvidenceIsRefusedWithoutConsentAndAcceptedWithIt() {
        String enterprise = InspectionFixtures.enterprise(InspectionFixtures.county("绵阳市"));
        InspectionFixtures.Expert expert = InspectionFixtures.expert();
        String id = schedule(enterprise, expert, LocalDate.of(2024, 4, 13));
        action(id, "start", expert.bearer()).statusCode(200);
        var withDcs = finding("MAJOR_HAZARD_INSTALLATIONS", "MAJOR", "MHC-04", evidence(expert, "PHOTO"), evidence(expert, "CONTROL_SYSTEM_DATA"));
        var withCopy = finding("RECTIFICATION_CLOSURE", "GENERAL", null, evidence(expert, "DOCUMENT_COPY"));

        as(expert.bearer()).body(withDcs).post("/api/v1/inspections/" + id + "/findings").then().statusCode(409)
                .contentType(containsString("application/problem+json"))
                .body("missingConsent", equalTo("CONTROL_SYSTEM_DATA"))
                .body("detail", containsString("evidence[1] is CONTROL_SYSTEM_DATA evidence, but the enterprise's CONTROL_SYSTEM_DATA consent is missing"));
        as(expert.bearer()).body(withCopy).post("/api/v1/inspections/" + id + "/findings").then().statusCode(409)
                .body("missingConsent", equalTo("DOCUMENT_COPY"));

        consent(id, expert, "CONTROL_SYSTEM_DATA");
        recordFinding(id, expert, withDcs);
        // consent to one kind does not cover the other
        as(expert.bearer()).body(withCopy).post("/api/v1/inspections/" + id + "/findings").then().statusCode(409)
                .body("missingConsent", equalTo("DOCUMENT_COPY"));
        // editing a finding to add such evidence is held to the same rule
        String plain = recordFinding(id, expert, finding("RECTIFICATION_CLOSURE", "GENERAL", null, evidence(expert, "DOCUMENT")));
        as(expert.bearer()).body(withCopy).put("/api/v1/inspections/" + id + "/findings/" + plain).then().statusCode(409)
                .body("missingConsent", equalTo("DOCUMENT_COPY"));
        consent(id, expert, "DOCUMENT_COPY");
        as(expert.bearer()).body(withCopy).put("/api/v1/inspections/" + id + "/findings/" + plain).then().statusCode(200)
                .body("evidence[0].kind", equalTo("DOCUMENT_COPY"));
        // a consent is recorded once per scope, and audited: who granted it, who recorded it, when
        as(expert.bearer()).body(Map.of("scope", "DOCUMENT_COPY")).post("/api/v1/inspections/" + id + "/consents")
                .then().statusCode(409);
        as(ADMIN).get("/api/v1/inspections/" + id).then().statusCode(200)
                .body("consents", hasSize(2))
                .body("consents.find { it.scope == 'CONTROL_SYSTEM_DATA' }.grantedBy", equalTo("张伟 (安全总监)"))
                .body("consents.find { it.scope == 'CONTROL_SYSTEM_DATA' }.recordedBy", equalTo(expert.subject()))
                .body("consents.find { it.scope == 'CONTROL_SYSTEM_DATA' }.grantedAt", notNullValue())
                .body("consents.find { it.scope == 'CONTROL_SYSTEM_DATA' }.recordedAt", notNullValue());
    }

    @Test
    void gradeRulesAreEnforcedWithA422NamingMajorCriterion() {
        String enterprise = InspectionFixtures.enterprise(InspectionFixtures.county("绵阳市"));
        InspectionFixtures.Expert expert = InspectionFixtures.expert();
        String id = schedule(enterprise, expert, LocalDate.of(2024, 4, 14));
        // findings only while in progress
        as(expert.bearer()).body(finding("OTHER", "GENERAL", null)).post("/api/v1/inspections/" + id + "/findings").then()
                .statusCode(409).body("currentStatus", equalTo("SCHEDULED"));
        action(id, "start", expert.bearer()).statusCode(200);

        as(expert.bearer()).body(finding("OTHER", "MAJOR", null)).post("/api/v1/inspections/" + id + "/findings").then()
                .statusCode(422).body("errors[0].field", equalTo("majorCriterion"))
                .body("errors[0].message", containsString("required when the grade is MAJOR"));
        as(expert.bearer()).body(finding("OTHER", "MAJOR", "MHC-21")).post("/api/v1/inspections/" + id + "/findings").then()
                .statusCode(422).body("errors[0].field", equalTo("majorCriterion"));
        as(expert.bearer()).body(finding("OTHER", "GENERAL", "MHC-01")).post("/api/v1/inspections/" + id + "/findings").then()
                .statusCode(422).body("errors[0].field", equalTo("majorCriterion"))
                .body("errors[0].message", containsString("must be empty when the grade is GENERAL"));
        var unknownTask = finding("NOT_A_KEY_TASK", "GENERAL", null);
        as(expert.bearer()).body(unknownTask).post("/api/v1/inspections/" + id + "/findings").then()
                .statusCode(422).body("errors[0].field", equalTo("keyTask"));
        var tooLong = finding("OTHER", "GENERAL", null);
        tooLong.put("rectificationDays", 366);
        as(expert.bearer()).body(tooLong).post("/api/v1/inspections/" + id + "/findings").then()
                .statusCode(422).body("errors[0].field", equalTo("rectificationDays"));
        as(expert.bearer()).get("/api/v1/inspections/" + id).then().body("findings", hasSize(0));
    }

    @Test
    void cancellingAScheduledInspectionPublishesInspectionCancelled() {
        String enterprise = InspectionFixtures.enterprise(InspectionFixtures.county("绵阳市"));
        InspectionFixtures.Expert expert = InspectionFixtures.expert();
        String id = schedule(enterprise, expert, LocalDate.of(2024, 4, 15));
        action(id, "cancel", expert.bearer()).statusCode(200).body("status", equalTo("CANCELLED"))
                .body("cancelReason", equalTo("enterprise shut down for maintenance"));
        action(id, "start", ADMIN).statusCode(409).body("currentStatus", equalTo("CANCELLED"));
        // a called-off visit no longer assigns its expert: the inspection is out of the expert's sight
        action(id, "start", expert.bearer()).statusCode(404);
        assertThat(eventsOf(id, 2)).extracting(InspectionFlowTest::type)
                .containsExactly("rectify.inspection.InspectionScheduled.v1", "rectify.inspection.InspectionCancelled.v1");
    }

    @Test
    void aStaleIfMatchIs412AndTheCurrentOneIsAccepted() {
        String enterprise = InspectionFixtures.enterprise(InspectionFixtures.county("绵阳市"));
        InspectionFixtures.Expert expert = InspectionFixtures.expert();
        String id = schedule(enterprise, expert, LocalDate.of(2024, 4, 16));
        String etag = as(expert.bearer()).get("/api/v1/inspections/" + id).then().extract().header("ETag");
        consent(id, expert, "DOCUMENT_COPY");
        as(expert.bearer()).header("If-Match", etag).post("/api/v1/inspections/" + id + "/start").then().statusCode(412)
                .contentType(containsString("application/problem+json"));
        String current = as(expert.bearer()).get("/api/v1/inspections/" + id).then().extract().header("ETag");
        assertThat(current).isNotEqualTo(etag);
        as(expert.bearer()).header("If-Match", current).post("/api/v1/inspections/" + id + "/start").then().statusCode(200);
    }

    @Test
    void schedulingWithAnIdempotencyKeyReplaysTheFirstAnswer() {
        String enterprise = InspectionFixtures.enterprise(InspectionFixtures.county("绵阳市"));
        InspectionFixtures.Expert expert = InspectionFixtures.expert();
        var body = InspectionFixtures.scheduleBody(enterprise, List.of(expert.id()), LocalDate.of(2024, 4, 17));
        String key = UUID.randomUUID().toString();
        String first = as(ADMIN).header("Idempotency-Key", key).body(body).post("/api/v1/inspections")
                .then().statusCode(201).extract().path("id");
        as(ADMIN).header("Idempotency-Key", key).body(body).post("/api/v1/inspections")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        body.put("mode", "CONTINUOUS_ASSISTANCE");
        as(ADMIN).header("Idempotency-Key", key).body(body).post("/api/v1/inspections").then().statusCode(422);
        long scheduled = as(ADMIN).queryParam("enterprise", enterprise).get("/api/v1/inspections").then().statusCode(200)
                .extract().jsonPath().getLong("total");
        assertThat(scheduled).isEqualTo(1);
    }
}
