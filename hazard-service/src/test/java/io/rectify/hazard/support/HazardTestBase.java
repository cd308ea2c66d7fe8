package io.rectify.hazard.support;

import io.rectify.contracts.CloudEvent;
import io.rectify.contracts.EventJson;
import io.rectify.contracts.Topics;
import io.rectify.contracts.inspection.CountyRegistered;
import io.rectify.contracts.inspection.EnterpriseRegistered;
import io.rectify.contracts.inspection.InspectionScheduled;
import io.rectify.hazard.service.EnterpriseRegistry;
import io.rectify.hazard.service.InspectionAssignments;
import io.rectify.hazard.support.HazardFixtures.Place;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import io.rectify.platform.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.rectify.hazard.support.HazardFixtures.HAZARDS;
import static io.rectify.hazard.support.HazardFixtures.admin;
import static io.rectify.hazard.support.HazardFixtures.enterprise;
import static io.rectify.hazard.support.HazardFixtures.generalReport;
import static io.rectify.hazard.support.HazardFixtures.given;
import static io.rectify.hazard.support.HazardFixtures.newCreditCode;

/**
 * What the hazard-service @QuarkusTests inherit: the topics of this run, the injected registry and
 * assignments, fresh counties and enterprises registered through the real broker, and reading hazard.events
 * back. Every test uses its own counties and enterprises, so tests never depend on each other's rows.
 * The static data (tokens, bodies, REST calls) is in {@link HazardFixtures}.
 */
public abstract class HazardTestBase {

    protected static final TopicProbe KAFKA = new TopicProbe("127.0.0.1:9092");

    @ConfigProperty(name = "rectify.kafka.topic-prefix")
    protected String prefix;

    @Inject
    protected EnterpriseRegistry registry;

    @Inject
    protected InspectionAssignments assignments;

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

    /** The records of one hazard on hazard.events, waiting until {@code expected} are there. */
    protected List<ConsumerRecord<String, String>> hazardEvents(String hazardId, int expected) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> KAFKA.readAll(prefix + Topics.HAZARD_EVENTS, r -> hazardId.equals(r.key())), l -> l.size() >= expected);
    }
}
