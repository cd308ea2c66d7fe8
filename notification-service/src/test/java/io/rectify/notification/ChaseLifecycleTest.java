package io.rectify.notification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectify.contracts.CloudEvent;
import io.rectify.contracts.Topics;
import io.rectify.notification.service.ChaseSweep;
import io.rectify.notification.support.HazardStory;
import io.rectify.notification.support.RectifyTestResources;
import io.rectify.platform.testing.TopicProbe;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static io.rectify.notification.support.NotificationFixtures.chase;
import static io.rectify.notification.support.NotificationFixtures.ladder;
import static io.rectify.notification.support.NotificationFixtures.notifications;
import static io.rectify.notification.support.Waits.chaseAtVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Pause, resume, re-plan and stale or poison records, driven by hazard.events as hazard-service publishes them. */
@QuarkusTest
@WithTestResource(RectifyTestResources.class)
class ChaseLifecycleTest {

    @Inject
    ChaseSweep sweep;

    @Inject
    EntityManager em;

    @Inject
    Scheduler scheduler;

    @ConfigProperty(name = "rectify.kafka.topic-prefix")
    String prefix;

    /**
     * These tests drive the sweep with instants a day ahead; the scheduled sweep, running on the real
     * clock, would otherwise look at a resumed chase first and (rightly, at its time) find it not overdue.
     */
    @BeforeEach
    void onlyTheTestSweeps() {
        scheduler.pause("chase-sweep");
    }

    @AfterEach
    void scheduledSweepBack() {
        scheduler.resume("chase-sweep");
    }

    @Test
    void aRejectedRectificationResumesChasingWithARepeatAtOnce() {
        Instant due = Instant.now().plus(Duration.ofDays(1));
        HazardStory hazard = new HazardStory(prefix, HazardStory.Place.fresh(), "GENERAL", due).reported();
        chaseAtVersion(hazard.id, 1);
        sweep.sweep(due.plusSeconds(1));
        assertThat(ladder(notifications(hazard.id))).containsExactly("OVERDUE ENTERPRISE NONE", "OVERDUE COUNTY NONE");

        hazard.rectificationSubmitted();
        assertThat(chaseAtVersion(hazard.id, 2).getString("status")).isEqualTo("PAUSED");
        // paused across the city escalation (D+3 s): nothing goes out
        sweep.sweep(due.plusSeconds(5));
        assertThat(notifications(hazard.id)).hasSize(2);

        hazard.verificationRejected();
        assertThat(chaseAtVersion(hazard.id, 3).getString("status")).isEqualTo("ACTIVE");
        // resumed while overdue: the missed escalation once, and the next repeat at once (its grid time would be D+9 s)
        sweep.sweep(due.plusSeconds(6));
        assertThat(ladder(notifications(hazard.id))).containsExactly("OVERDUE ENTERPRISE NONE", "OVERDUE COUNTY NONE",
                "ESCALATE_CITY CITY NONE", "OVERDUE_REPEAT ENTERPRISE NONE", "OVERDUE_REPEAT CITY NONE");

        // a late copy of the PENDING_VERIFICATION snapshot (version 2) must not pause the chase again
        hazard.staleCopy("PENDING_VERIFICATION", 2);
        UUID staleId = hazard.lastEventId();
        await().atMost(Duration.ofSeconds(20)).until(() -> processed(staleId));
        JsonPath chase = chase(hazard.id);
        assertThat(chase.getString("status")).isEqualTo("ACTIVE");
        assertThat(chase.getLong("snapshotVersion")).isEqualTo(3);
    }

    @Test
    void aDeadlineExtensionReplansFromTheNewDueDateWithTheLevelBackToNone() {
        Instant due = Instant.now().plus(Duration.ofDays(1));
        HazardStory hazard = new HazardStory(prefix, HazardStory.Place.fresh(), "GENERAL", due).reported();
        chaseAtVersion(hazard.id, 1);
        sweep.sweep(due.plusSeconds(4));
        assertThat(ladder(notifications(hazard.id))).containsExactly("OVERDUE ENTERPRISE NONE", "OVERDUE COUNTY NONE", "ESCALATE_CITY CITY NONE");
        assertThat(chase(hazard.id).getString("escalationLevel")).isEqualTo("CITY");

        Instant newDue = due.plus(Duration.ofDays(1));
        hazard.deadlineExtended(newDue);
        JsonPath replanned = chaseAtVersion(hazard.id, 2);
        assertThat(replanned.getString("escalationLevel")).isEqualTo("NONE");
        assertThat(Instant.parse(replanned.getString("dueAt")).truncatedTo(ChronoUnit.MILLIS)).isEqualTo(newDue.truncatedTo(ChronoUnit.MILLIS));
        assertThat(replanned.getBoolean("overdue")).isFalse();

        sweep.sweep(due.plusSeconds(5));
        assertThat(notifications(hazard.id)).hasSize(3);
        // both due-soon times of the new date passed unseen: only the latest goes out
        sweep.sweep(newDue.minusSeconds(2));
        sweep.sweep(newDue.plusSeconds(4));
        var sent = notifications(hazard.id);
        assertThat(ladder(sent)).containsExactly("OVERDUE ENTERPRISE NONE", "OVERDUE COUNTY NONE", "ESCALATE_CITY CITY NONE",
                "DUE_SOON ENTERPRISE NONE", "OVERDUE ENTERPRISE NONE", "OVERDUE COUNTY NONE", "ESCALATE_CITY CITY NONE");
        assertThat(sent.get(3).get("sequence")).isEqualTo(2);
        assertThat(sent.subList(3, 7)).allSatisfy(n -> assertThat(Instant.parse((String) n.get("dueAt")).truncatedTo(ChronoUnit.MILLIS))
                .isEqualTo(newDue.truncatedTo(ChronoUnit.MILLIS)));
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheConsumerCarriesOn() {
        TopicProbe probe = new TopicProbe(RectifyTestResources.BOOTSTRAP);
        String poisonKey = UUID.randomUUID().toString();
        probe.publishRaw(prefix + Topics.HAZARD_EVENTS, poisonKey, "{\"hazard\": not json", Map.of(
                CloudEvent.H_SPECVERSION, "1.0", CloudEvent.H_ID, UUID.randomUUID().toString(),
                CloudEvent.H_TYPE, "rectify.hazard.HazardReported.v1", CloudEvent.H_SOURCE, "/hazard-service",
                CloudEvent.H_TIME, Instant.now().toString()));
        HazardStory after = new HazardStory(prefix, HazardStory.Place.fresh(), "MAJOR", Instant.now().plus(Duration.ofDays(1))).reported();

        chaseAtVersion(after.id, 1);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                probe.readAll(prefix + Topics.deadLetter(Topics.HAZARD_EVENTS, "notification"), r -> poisonKey.equals(r.key())).size() == 1);
        assertThat(chase(UUID.fromString(poisonKey))).isNull();
    }

    private boolean processed(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from processed_event where consumer = 'notification' and event_id = ?1")
                .setParameter(1, eventId).getSingleResult()).intValue() == 1);
    }
}
