package io.rectify.reliability;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The invariants catch what they claim to: each test plants one violation in otherwise consistent evidence. */
class ReconciliationTest {

    private final List<Attempt> attempts = new ArrayList<>();
    private final Map<UUID, String> db = new HashMap<>();
    private final List<Reconciliation.TopicEvent> events = new ArrayList<>();
    private final Set<UUID> facts = new HashSet<>();
    private final Set<UUID> chases = new HashSet<>();

    /** A report accepted and carried through every step, as it should be. */
    private UUID accepted(long seq) {
        UUID id = UUID.randomUUID();
        String marker = "reliability run R1 #" + seq;
        attempts.add(created(seq, marker, id, false));
        db.put(id, marker);
        events.add(reported(id, marker));
        facts.add(id);
        chases.add(id);
        return id;
    }

    private static Attempt created(long seq, String marker, UUID id, boolean retry) {
        return new Attempt(seq, marker, "key-" + seq, "{}", Instant.now(), Instant.now(), Attempt.Kind.CREATED, 201, id, null,
                "application/json", "", "steady", "steady", retry);
    }

    private static Reconciliation.TopicEvent reported(UUID id, String marker) {
        return new Reconciliation.TopicEvent(UUID.randomUUID(), "rectify.hazard.HazardReported.v1", id, marker, "RL1000", 1, 0, 0);
    }

    private Report check() {
        Report r = new Report("test");
        Reconciliation.checkHazards(r, attempts, db, events, facts, chases);
        return r;
    }

    @Test
    void consistentEvidencePasses() {
        for (int i = 0; i < 10; i++) {
            accepted(i);
        }
        Report r = check();
        assertThat(r.passed()).isTrue();
        assertThat(r.get(Reconciliation.LOST)).isZero();
        assertThat(r.get(Reconciliation.DUPLICATED)).isZero();
        assertThat(r.get(Reconciliation.EVENTS_CHECKED)).isEqualTo(10);
    }

    @Test
    void a201WithoutItsEventIsLost() {
        UUID id = accepted(1);
        events.removeIf(e -> e.hazardId().equals(id));
        facts.remove(id);
        chases.remove(id);
        Report r = check();
        assertThat(r.violations("201 without HazardReported on hazard.events")).isEqualTo(1);
        assertThat(r.violations("hazard row without HazardReported (outbox lost it)")).isEqualTo(1);
        assertThat(r.get(Reconciliation.LOST)).isEqualTo(2);
    }

    @Test
    void aHazardMissingDownstreamIsLost() {
        UUID id = accepted(1);
        facts.remove(id);
        Report r = check();
        assertThat(r.violations("announced hazard missing from scoring-service hazard facts")).isEqualTo(1);
        assertThat(r.get(Reconciliation.LOST)).isEqualTo(1);
    }

    @Test
    void aRetryThatCreatesASecondHazardIsADuplicate() {
        UUID first = accepted(1);
        UUID second = UUID.randomUUID();
        String marker = db.get(first);
        attempts.add(created(1, marker, second, true));
        db.put(second, marker);
        events.add(reported(second, marker));
        facts.add(second);
        chases.add(second);
        Report r = check();
        assertThat(r.violations("one report answered with two hazard ids")).isEqualTo(1);
        assertThat(r.violations("one report stored as two hazards")).isEqualTo(1);
        assertThat(r.get(Reconciliation.DUPLICATED)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void twoReportedEventsForOneHazardAreADuplicateButARedeliveryIsNot() {
        UUID id = accepted(1);
        Reconciliation.TopicEvent original = events.get(0);
        events.add(original); // the relay re-sent the same event: consumers skip it
        assertThat(check().passed()).isTrue();
        events.add(reported(id, db.get(id))); // a second event id for the same report: not fine
        Report r = check();
        assertThat(r.violations("hazard reported twice (two HazardReported event ids)")).isEqualTo(1);
    }

    @Test
    void anOlderSnapshotFirstSeenAfterANewerOneIsOutOfOrder() {
        UUID id = accepted(1);
        Reconciliation.TopicEvent reportedV1 = events.get(0);
        Reconciliation.TopicEvent overdueV2 = new Reconciliation.TopicEvent(UUID.randomUUID(), "rectify.hazard.HazardOverdue.v1", id,
                db.get(id), "RL1000", 2, 0, 1);
        events.add(overdueV2);
        events.add(reportedV1); // the relay re-sent version 1 after version 2: a copy, skipped by its id
        assertThat(check().passed()).isTrue();

        events.clear();
        events.add(overdueV2);
        events.add(reportedV1); // version 1 first seen after version 2
        Report r = check();
        assertThat(r.violations("events of one hazard out of order on hazard.events")).isEqualTo(1);
    }

    @Test
    void anUnexpectedAnswerIsCountedByPhase() {
        Attempt ok503 = new Attempt(1, "m1", "k1", "{}", Instant.now(), Instant.now(), Attempt.Kind.STATUS, 503, null, "5",
                "application/problem+json", "", "pg-down", "pg-down", false);
        Attempt bare503 = new Attempt(2, "m2", "k2", "{}", Instant.now(), Instant.now(), Attempt.Kind.STATUS, 503, null, null,
                "application/problem+json", "", "pg-down", "pg-down", false);
        Attempt late503 = new Attempt(3, "m3", "k3", "{}", Instant.now(), Instant.now(), Attempt.Kind.STATUS, 503, null, "5",
                "application/problem+json", "", "steady-after", "steady-after", false);
        Attempt hang = new Attempt(4, "m4", "k4", "{}", Instant.now(), Instant.now().plusSeconds(10), Attempt.Kind.TIMEOUT, 0, null,
                null, null, "", "pg-down", "pg-down", false);
        Attempt refused = new Attempt(5, "m5", "k5", "{}", Instant.now(), Instant.now(), Attempt.Kind.CONNECTION, 0, null, null,
                null, "", "hazard-service-down", "hazard-service-down", false);
        Attempt sentToAColdJvm = new Attempt(6, "m6", "k6", "{}", Instant.now(), Instant.now().plusSeconds(10), Attempt.Kind.TIMEOUT, 0,
                null, null, null, "", "steady-after-hazard-service", "hazard-service-down-restarting", false);
        Attempt sentAfterReady = new Attempt(7, "m7", "k7", "{}", Instant.now(), Instant.now().plusSeconds(10), Attempt.Kind.TIMEOUT, 0,
                null, null, null, "", "steady-after-hazard-service", "steady-after-hazard-service", false);
        Report r = new Report("test");
        Reconciliation.checkAnswers(r, List.of(ok503, bare503, late503, hang, refused, sentToAColdJvm, sentAfterReady), Expectation::of);
        // 503 without Retry-After, 503 after recovery, the hang while PostgreSQL was down, no answer after hazard-service was ready
        assertThat(r.get(Reconciliation.UNEXPECTED)).isEqualTo(4);
        assertThat(r.get(Reconciliation.SENT)).isEqualTo(7);
    }
}
