package io.rectify.scoring.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rectify.contracts.Topics;
import io.rectify.platform.outbox.OutboxRelay;
import io.rectify.platform.testing.TestTokens;
import io.rectify.contracts.hazard.HazardEvent;
import io.rectify.scoring.support.CountyStory;
import io.rectify.scoring.support.ScoringTestBase;
import jakarta.inject.Inject;
import io.rectify.scoring.messaging.ScoringConsumers;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.rectify.scoring.support.ScoringFixtures.ADMIN;
import static io.rectify.scoring.support.ScoringFixtures.awaitIndex;
import static io.rectify.scoring.support.ScoringFixtures.index;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class RebuildTest extends ScoringTestBase {

    @Inject
    OutboxRelay relay;

    @Inject
    ScoringConsumers consumers;

    @Test
    void aRebuildFromTheTopicsArrivesAtTheSameIndices() {
        // a county whose events arrive with redeliveries, stale snapshots and a move between counties
        Instant now = Instant.now();
        CountyStory county = CountyStory.create();
        CountyStory neighbour = CountyStory.create();
        upstream.publish(county.registered());
        upstream.publish(neighbour.registered());
        String moving = CountyStory.newCreditCode();
        String staying = CountyStory.newCreditCode();
        upstream.publish(neighbour.enterprise(moving));
        upstream.publish(county.enterprise(staying));
        upstream.publish(county.inspected(staying, now));
        upstream.publish(county.enterprise(moving)); // registered again, now in county
        CountyStory.Hazard major = county.hazard("MAJOR", now.plus(Duration.ofDays(30)));
        CountyStory.Hazard general = county.hazard("GENERAL", now.minus(Duration.ofDays(50)));
        upstream.publish(major.reported("OPEN", 0));
        HazardEvent closed = major.signedOff(now.minus(Duration.ofDays(1)), 5);
        UUID closedId = upstream.publish(closed);
        upstream.publish(closed, closedId);
        upstream.publish(major.reported("RECTIFYING", 0)); // stale
        upstream.publish(general.reported("OPEN", 0));
        // COVERAGE 1/2, RECTIFICATION 1/2, ON_TIME 1/1, MAJOR 1/1, REPEAT 2/2: (750 + 1500 + 2000 + 2000 + 1500)/100 − 1 = 76.5
        awaitIndex(county.code, "76.5");
        // the moved enterprise left the neighbour without facts (both counties marked by the move, then recomputed)
        assertThat(index(neighbour.code).reason()).isEqualTo("NO_DATA");
        assertThat(index(neighbour.code).index()).isNull();
        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from pending_recompute") == 0 && relay.pending() == 0);

        List<Map<String, Object>> before = answers();
        long history = count("select count(*) from county_index_history");
        long hazards = count("select count(*) from hazard_fact");
        List<String> hazardRows = rows("select * from hazard_fact order by id");
        List<String> countyRows = rows("select * from county order by code");
        long published = upstream.probe().readAll(upstream.topic(Topics.COUNTY_INDEX)).size();

        given().header("Authorization", TestTokens.bearer("COUNTY_REGULATOR", "county", county.code)).post("/api/v1/admin/rebuild")
                .then().statusCode(403);
        given().header("Authorization", ADMIN).post("/api/v1/admin/rebuild")
                .then().statusCode(202).body("state", equalTo("RUNNING"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().header("Authorization", ADMIN).get("/api/v1/admin/rebuild").then().statusCode(200).body("state", equalTo("DONE")));
        Map<String, Object> progress = given().header("Authorization", ADMIN).get("/api/v1/admin/rebuild").then().extract().jsonPath().getMap("");
        long read = ((Number) progress.get("eventsRead")).longValue();
        long total = ((Number) progress.get("eventsTotal")).longValue();
        assertThat(total).isGreaterThanOrEqualTo(11); // at least this test's records
        assertThat(read).isEqualTo(total);
        assertThat(progress.get("countiesChanged")).isEqualTo(0);
        assertThat(progress.get("startedAt")).isNotNull();
        assertThat(progress.get("finishedAt")).isNotNull();

        // the same answers, not one republished, and the facts back
        assertThat(answers()).isEqualTo(before);
        assertThat(count("select count(*) from county_index_history")).isEqualTo(history);
        assertThat(count("select count(*) from hazard_fact")).isEqualTo(hazards);
        // every column of every hazard and county as the live consumers left it (the hazards go in by COPY, a group of partitions at a time)
        assertThat(rows("select * from hazard_fact order by id")).isEqualTo(hazardRows);
        assertThat(rows("select * from county order by code")).isEqualTo(countyRows);
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pending() == 0);
        assertThat(upstream.probe().readAll(upstream.topic(Topics.COUNTY_INDEX))).hasSize((int) published);
        assertThat(index(county.code).index()).isEqualByComparingTo("76.5");

        // the rebuild records no processed events: a live consumer that reads the whole log again (a redelivery,
        // a reset group) re-applies every event to no effect — no fact changes, nothing marked, nothing published
        assertThat(count("select count(*) from processed_event where consumer = 'scoring'")).isEqualTo(0);
        for (String topic : List.of(Topics.INSPECTION_EVENTS, Topics.HAZARD_EVENTS)) {
            List<ConsumerRecord<String, String>> all = upstream.probe().readAll(upstream.topic(topic));
            Map<TopicPartition, List<ConsumerRecord<String, String>>> byPartition = new HashMap<>();
            all.forEach(r -> byPartition.computeIfAbsent(new TopicPartition(r.topic(), r.partition()), tp -> new ArrayList<>()).add(r));
            ConsumerRecords<String, String> again = new ConsumerRecords<>(byPartition, Map.of());
            if (topic.equals(Topics.HAZARD_EVENTS)) {
                consumers.onHazardEvents(again);
            } else {
                consumers.onInspectionEvents(again);
            }
        }
        assertThat(count("select count(*) from pending_recompute")).isEqualTo(0);
        assertThat(count("select count(*) from hazard_fact")).isEqualTo(hazards);
        assertThat(rows("select * from hazard_fact order by id")).isEqualTo(hazardRows);
        assertThat(answers()).isEqualTo(before);
        assertThat(count("select count(*) from county_index_history")).isEqualTo(history);

        // and the live consumers carry on after it
        upstream.publish(general.signedOff(now.minus(Duration.ofDays(60)), 4));
        awaitIndex(county.code, "92.5"); // RECTIFICATION 2/2, ON_TIME 2/2, no deduction: (750 + 3000 + 2000 + 2000 + 1500)/100
    }

    @Inject
    FactStore facts;

    /**
     * The rebuild's final write (COPY into a temporary table, then the upsert): text the COPY format escapes
     * arrives as it was, absent times stay null, times keep their microseconds, and the version rule holds
     * against rows a live consumer wrote meanwhile (a newer one stays, an older one is replaced).
     */
    @Test
    void theRebuiltHazardsGoInAsTheyWereKeptUnderTheVersionRule() {
        String county = CountyStory.create().code;
        UUID odd = UUID.randomUUID(), newerLive = UUID.randomUUID(), olderLive = UUID.randomUUID();
        Instant due = Instant.parse("2026-05-01T00:00:00.123456789Z");
        QuarkusTransaction.requiringNew().run(() -> {
            sql.update("insert into hazard_fact (id, county_code, period, grade, status, reopenings, version) values (?, ?, 2026, 'MAJOR', 'LIVE', 0, 9)",
                    newerLive, county);
            sql.update("insert into hazard_fact (id, county_code, period, grade, status, reopenings, version) values (?, ?, 2026, 'MAJOR', 'LIVE', 0, 1)",
                    olderLive, county);
        });
        RebuildHazards kept = new RebuildHazards();
        kept.add(new FactUpdate.HazardUpdate(new io.rectify.scoring.domain.HazardFact(odd, "GENERAL", "A\\B\tC\nD\rE", due, null, due, 2),
                county, null, null, 2026, 3));
        kept.add(new FactUpdate.HazardUpdate(new io.rectify.scoring.domain.HazardFact(newerLive, "MAJOR", "REBUILT", null, null, null, 0),
                county, null, null, 2026, 5));
        kept.add(new FactUpdate.HazardUpdate(new io.rectify.scoring.domain.HazardFact(olderLive, "MAJOR", "REBUILT", null, null, null, 0),
                county, null, null, 2026, 5));
        QuarkusTransaction.requiringNew().run(() -> facts.writeRebuiltHazards(kept));
        try {
            assertThat(rows("select status, grade, reopenings, version, due_at = signed_off_at, rectification_submitted_at is null, "
                    + "extract(microseconds from due_at)::bigint % 1000000 from hazard_fact where id = '" + odd + "'"))
                    .containsExactly("[A\\B\tC\nD\rE, GENERAL, 2, 3, true, true, 123457]");
            assertThat(rows("select status, version from hazard_fact where id = '" + newerLive + "'")).containsExactly("[LIVE, 9]");
            assertThat(rows("select status, version from hazard_fact where id = '" + olderLive + "'")).containsExactly("[REBUILT, 5]");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> sql.update("delete from hazard_fact where county_code = ?", county));
        }
    }

    /**
     * The hazards go straight into hazard_fact by binary COPY, their times counted from 2000 as a timestamptz's
     * binary form is; where a live consumer wrote one of them first (the COPY meets a unique violation, here at
     * the end of a small COPY and in the middle of a large one), the COPY is undone and they go the other way
     * (bigint microseconds since the epoch into a temporary table, then the upsert): the same rows.
     */
    @Test
    void theHazardsGoStraightInUnlessALiveWriteGotThereFirst() {
        String county = CountyStory.create().code;
        String saved = QuarkusTransaction.requiringNew().call(() -> sql.one("select coalesce(json_agg(h), '[]')::text from hazard_fact h",
                rs -> rs.getString(1)).orElseThrow());
        UUID odd = UUID.randomUUID(), plain = UUID.randomUUID();
        Instant due = Instant.parse("2026-05-01T00:00:00.123456789Z");
        RebuildHazards kept = new RebuildHazards();
        kept.add(new FactUpdate.HazardUpdate(new io.rectify.scoring.domain.HazardFact(odd, "GENERAL", "整改 A\\B\tC\nD\rE", due, Instant.EPOCH,
                Instant.parse("0001-01-01T00:00:00Z"), 2), county, null, null, 2026, 3));
        kept.add(new FactUpdate.HazardUpdate(new io.rectify.scoring.domain.HazardFact(plain, "MAJOR", "OPEN", null, null,
                Instant.parse("9999-12-31T23:59:59.999999499Z"), 0), county, null, null, 2025, 1));
        String query = "select id, county_code, period, grade, status, due_at, rectification_submitted_at, signed_off_at, reopenings, version"
                + " from hazard_fact where county_code = '" + county + "' order by id";
        try {
            QuarkusTransaction.requiringNew().run(() -> sql.update("delete from hazard_fact"));
            QuarkusTransaction.requiringNew().run(() -> facts.writeRebuiltHazards(kept)); // straight in
            List<String> straight = rows(query);
            assertThat(straight).hasSize(2);
            QuarkusTransaction.requiringNew().run(() -> {
                sql.update("delete from hazard_fact");
                sql.update("insert into hazard_fact (id, county_code, period, grade, status, reopenings, version) values (?, ?, 2026, 'MAJOR', 'LIVE', 0, 0)",
                        UUID.randomUUID(), county);
            });
            QuarkusTransaction.requiringNew().run(() -> sql.update(
                    "insert into hazard_fact (id, county_code, period, grade, status, reopenings, version) values (?, ?, 2025, 'MAJOR', 'LIVE', 0, 0)",
                    plain, county)); // an older version, written live since the wipe: replaced
            QuarkusTransaction.requiringNew().run(() -> facts.writeRebuiltHazards(kept)); // by the temporary table
            assertThat(rows(query + "")).filteredOn(r -> !r.contains("LIVE")).isEqualTo(straight);
            assertThat(rows("select status, extract(microseconds from due_at)::bigint % 1000000 from hazard_fact where id = '" + odd + "'"))
                    .containsExactly("[整改 A\\B\tC\nD\rE, 123457]");
            assertThat(rows("select due_at = timestamptz '2026-05-01 00:00:00.123457+00', rectification_submitted_at = timestamptz 'epoch',"
                    + " signed_off_at = timestamptz '0001-01-01 00:00:00+00' from hazard_fact where id = '" + odd + "'"))
                    .containsExactly("[true, true, true]");

            // a large COPY (several MiB) meeting a live row on the way
            RebuildHazards many = new RebuildHazards();
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < 30_000; i++) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                many.add(new FactUpdate.HazardUpdate(new io.rectify.scoring.domain.HazardFact(id, "GENERAL", "OPEN " + i, due, null, null, 0),
                        county, null, null, 2026, 2));
            }
            UUID newerLive = ids.get(12_345);
            QuarkusTransaction.requiringNew().run(() -> {
                sql.update("delete from hazard_fact");
                sql.update("insert into hazard_fact (id, county_code, period, grade, status, reopenings, version) values (?, ?, 2026, 'MAJOR', 'LIVE', 0, 7)",
                        newerLive, county);
            });
            QuarkusTransaction.requiringNew().run(() -> facts.writeRebuiltHazards(many));
            assertThat(count("select count(*) from hazard_fact where county_code = '" + county + "'")).isEqualTo(30_000);
            assertThat(rows("select status, version from hazard_fact where id = '" + newerLive + "'")).containsExactly("[LIVE, 7]");
            assertThat(rows("select status, version from hazard_fact where id = '" + ids.get(0) + "'")).containsExactly("[OPEN 0, 2]");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                sql.update("delete from hazard_fact");
                sql.update("insert into hazard_fact select * from json_populate_recordset(null::hazard_fact, ?::json)", saved);
            });
        }
    }

    /**
     * A rebuild that wiped the facts and then died (its instance crashed: the pending mark stays, its lease
     * is gone) leaves no answer computed from half the facts: nothing is recomputed while the mark is there,
     * and an instance rebuilds the facts again by itself, after which the answers move on.
     */
    @Test
    void aRebuildThatDiedHoldsTheAnswersUntilTheFactsAreRebuilt() {
        Instant now = Instant.now();
        CountyStory county = CountyStory.create();
        upstream.publish(county.registered());
        CountyStory.Hazard hazard = county.hazard("GENERAL", now.plus(Duration.ofDays(10)));
        upstream.publish(hazard.reported("OPEN", 0));
        await().atMost(Duration.ofSeconds(45)).until(() -> count("select count(*) from county_index_current where county_code = ?", county.code) > 0
                && count("select count(*) from pending_recompute where county_code = ?", county.code) == 0);
        long revision = count("select max(revision) from county_index_current where county_code = ?", county.code);
        long historyBefore = count("select coalesce(max(id), 0) from county_index_history where county_code = ?", county.code);

        // the crash: facts half gone, the mark written with the wipe still there, no lease (and the next check not yet due)
        QuarkusTransaction.requiringNew().run(() -> {
            sql.update("delete from hazard_fact where county_code = ?", county.code);
            sql.update("insert into rebuild_pending (id, started_at) values (1, clock_timestamp())");
        });
        upstream.publish(hazard.signedOff(now, 5)); // would move the answer
        // held: the answer stays as it was while the mark is there (the resumed rebuild then answers with every fact)
        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from rebuild_pending") == 0);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().header("Authorization", ADMIN).get("/api/v1/admin/rebuild").then().statusCode(200).body("state", equalTo("DONE")));
        assertThat(count("select count(*) from hazard_fact where county_code = ? and status = 'SIGNED_OFF'", county.code)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                count("select max(revision) from county_index_current where county_code = ?", county.code) > revision);
        // no answer in between was computed without the hazard: every revision since counts it
        assertThat(count("select count(*) from county_index_history where county_code = ? and id > ? and reason = 'NO_DATA'",
                county.code, historyBefore)).isEqualTo(0);
    }

    /** Every row of a query as text, in the query's order. */
    private List<String> rows(String query) {
        return QuarkusTransaction.requiringNew().call(() -> sql.list(query, rs -> {
            List<Object> values = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                values.add(rs.getObject(i));
            }
            return values.toString();
        }));
    }

    private List<Map<String, Object>> answers() {
        return QuarkusTransaction.requiringNew().call(() -> sql.list(
                "select county_code, period, fingerprint, revision from county_index_current order by county_code, period",
                rs -> Map.<String, Object>of("county", rs.getString(1), "period", rs.getInt(2), "fingerprint", rs.getString(3),
                        "revision", rs.getLong(4))));
    }
}
