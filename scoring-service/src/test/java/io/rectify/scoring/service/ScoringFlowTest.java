package io.rectify.scoring.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.rectify.contracts.EventJson;
import io.rectify.contracts.Topics;
import io.rectify.contracts.hazard.HazardEvent;
import io.rectify.contracts.scoring.CountyIndexDocument;
import io.rectify.contracts.scoring.CountyIndexDocument.IndicatorResult;
import io.rectify.platform.outbox.OutboxRelay;
import io.rectify.platform.testing.TopicProbe;
import io.rectify.scoring.support.CountyStory;
import io.rectify.scoring.support.ScoringTestBase;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.rectify.scoring.support.ScoringFixtures.ADMIN;
import static io.rectify.scoring.support.ScoringFixtures.awaitIndex;
import static io.rectify.scoring.support.ScoringFixtures.getIndex;
import static io.rectify.scoring.support.ScoringFixtures.index;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Upstream events on the real broker → facts in the real database → the published answer. */
@QuarkusTest
class ScoringFlowTest extends ScoringTestBase {

    @Inject
    OutboxRelay relay;

    @Inject
    MeterRegistry registry;

    @Inject
    IndexTick tick;

    static Duration days(int n) {
        return Duration.ofDays(n);
    }

    @Test
    void eventsOfASmallCountyProduceTheExpectedIndex() {
        CountyStory county = CountyStory.create();
        Instant now = Instant.now();
        upstream.publish(county.registered());
        List<String> enterprises = List.of(CountyStory.newCreditCode(), CountyStory.newCreditCode(), CountyStory.newCreditCode(),
                CountyStory.newCreditCode());
        enterprises.forEach(e -> upstream.publish(county.enterprise(e)));
        upstream.publish(county.inspected(enterprises.get(0), now));
        upstream.publish(county.inspected(enterprises.get(0), now)); // a second inspection of the same enterprise
        upstream.publish(county.inspected(enterprises.get(1), now));
        upstream.publish(county.inspected(enterprises.get(2), now));

        CountyStory.Hazard onTime = county.hazard("GENERAL", now.minus(days(20)));
        CountyStory.Hazard late = county.hazard("GENERAL", now.minus(days(20)));
        CountyStory.Hazard majorOverdue = county.hazard("MAJOR", now.minus(days(10)));
        CountyStory.Hazard longOverdue = county.hazard("GENERAL", now.minus(days(45)));
        CountyStory.Hazard notDueReopened = county.hazard("GENERAL", now.plus(days(20)));
        CountyStory.Hazard majorClosed = county.hazard("MAJOR", now.minus(days(20)));
        for (CountyStory.Hazard h : List.of(onTime, late, majorOverdue, longOverdue, majorClosed)) {
            upstream.publish(h.reported("OPEN", 0));
        }
        upstream.publish(notDueReopened.reported("RECTIFYING", 1));
        upstream.publish(onTime.signedOff(now.minus(days(22)), 3));
        upstream.publish(late.signedOff(now.minus(days(18)), 3));
        upstream.publish(majorClosed.signedOff(now.minus(days(25)), 4));
        upstream.publish(majorOverdue.reported("RECTIFYING", 0));

        // H=6, D=5, S=3, T=2, M=2, MS=1, R=1, E=4, I=3:
        // (15×75 + 30×60 + 20×66.67 + 20×50 + 15×83.33) / 100 = 65.0833, − 5 (one major overdue) − 1 (one general 45 days overdue)
        CountyIndexDocument doc = awaitIndex(county.code, "59.1");

        assertThat(doc.countyCode()).isEqualTo(county.code);
        assertThat(doc.countyName()).isEqualTo(county.name);
        assertThat(doc.rubricVersion()).isEqualTo("2024.1");
        assertIndicator(doc, "COVERAGE", 3, 4, "75");
        assertIndicator(doc, "RECTIFICATION_RATE", 3, 5, "60");
        assertIndicator(doc, "ON_TIME_RATE", 2, 3, "66.6667");
        assertIndicator(doc, "MAJOR_CLOSURE_RATE", 1, 2, "50");
        assertIndicator(doc, "REPEAT_FREE_RATE", 5, 6, "83.3333");
        assertThat(doc.base()).isEqualByComparingTo("65.0833");
        assertThat(doc.deductions()).extracting(CountyIndexDocument.DeductionResult::count).containsExactly(1L, 1L);
        assertThat(doc.deductions()).extracting(CountyIndexDocument.DeductionResult::points)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("5"), new BigDecimal("1"));
        assertThat(doc.demonstrationEligible()).isFalse();

        // the compacted topic: key = county code, one record per change, the last one is the current answer
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> records = countyIndexRecords(county.code);
            long changes = count("select count(*) from county_index_history where county_code = ? and period = ?", county.code, doc.period());
            assertThat(records).hasSize((int) changes);
            CountyIndexDocument last = EventJson.read(records.get(records.size() - 1).value(), CountyIndexDocument.class);
            assertThat(last.index()).isEqualByComparingTo("59.1");
            assertThat(TopicProbe.header(records.get(0), "ce_type")).isEqualTo("rectify.scoring.CountyIndexChanged.v1");
        });
        given().header("Authorization", ADMIN).get("/api/v1/counties/{code}/index/history", county.code)
                .then().statusCode(200).body("items[-1].index", org.hamcrest.Matchers.equalTo(59.1f));
        assertThat(registry.find("rectify.scoring.index.changes").counter().count()).isGreaterThan(0);
    }

    @Test
    void aDuplicateOrAnOlderEventChangesNothingAndOnlyChangesArePublished() {
        CountyStory county = CountyStory.create();
        Instant now = Instant.now();
        UUID registered = upstream.publish(county.registered());
        CountyStory.Hazard hazard = county.hazard("MAJOR", now.plus(days(10)));
        CountyStory.Hazard other = county.hazard("GENERAL", now.minus(days(5)));
        upstream.publish(other.reported("OPEN", 0));
        upstream.publish(hazard.reported("RECTIFYING", 0));
        HazardEvent signedOff = hazard.signedOff(now.minus(days(1)), 2);
        UUID signedOffId = upstream.publish(signedOff);
        // RECTIFICATION 1/2, ON_TIME 1/1, MAJOR 1/1, REPEAT 2/2: (30×50 + 20×100 + 20×100 + 15×100)/85 = 82.35…
        awaitIndex(county.code, "82.4");
        awaitProcessed(registered); // the topics are read side by side: the name may come after the hazards
        awaitQuiet();
        String etag = getIndex(county.code).header("ETag");
        long history = historyCount(county.code);
        int published = countyIndexRecords(county.code).size();
        assertThat(published).isEqualTo((int) history);

        // the same event again (a redelivery): skipped by its id
        double duplicates = duplicates();
        upstream.publish(signedOff, signedOffId);
        await().atMost(Duration.ofSeconds(30)).until(() -> duplicates() > duplicates);
        // an older snapshot under a new id (out of order across partitions): the version rule ignores it
        UUID stale = upstream.publish(hazard.reported("OPEN", 0));
        awaitProcessed(stale);
        // the same version again under a new id: nothing new either
        UUID sameVersion = upstream.publish(hazard.signedOff(now.minus(days(1)), 2));
        awaitProcessed(sameVersion);
        awaitQuiet();

        assertThat(getIndex(county.code).header("ETag")).isEqualTo(etag);
        assertThat(index(county.code).index()).isEqualByComparingTo("82.4");
        assertThat(historyCount(county.code)).isEqualTo(history);
        assertThat(countyIndexRecords(county.code)).hasSize(published);

        // a newer snapshot does change the answer, and exactly one more record is published
        upstream.publish(hazard.reopened(3));
        // RECTIFICATION 0/1 (the major is not due), ON_TIME n/a, MAJOR n/a, REPEAT 1/2: (0 + 15×50)/45 = 16.67
        awaitIndex(county.code, "16.7");
        awaitQuiet();
        assertThat(historyCount(county.code)).isEqualTo(history + 1);
        assertThat(countyIndexRecords(county.code)).hasSize(published + 1);
        assertThat(getIndex(county.code).header("ETag")).isNotEqualTo(etag);
    }

    @Test
    void timeAloneMovesTheIndexOnTheTick() {
        CountyStory county = CountyStory.create();
        Instant due = Instant.now().plusSeconds(6);
        upstream.publish(county.registered());
        upstream.publish(county.hazard("GENERAL", due).reported("OPEN", 0));
        // not due yet: only REPEAT_FREE_RATE applies
        awaitIndex(county.code, "100.0");
        long history = count("select count(*) from county_index_history where county_code = ?", county.code);

        await().atMost(Duration.ofSeconds(15)).until(() -> Instant.now().isAfter(due));
        tick.tick();

        // due now and not signed off: RECTIFICATION 0/1 weighs in, (30×0 + 15×100)/45
        assertThat(index(county.code).index()).isEqualByComparingTo("33.3");
        assertThat(count("select count(*) from county_index_history where county_code = ?", county.code)).isEqualTo(history + 1);
        tick.tick(); // nothing moved since: no new answer
        assertThat(count("select count(*) from county_index_history where county_code = ?", county.code)).isEqualTo(history + 1);
    }

    @Test
    void aPoisonRecordIsDeadLetteredAndTheConsumerCarriesOn() {
        CountyStory county = CountyStory.create();
        String hazardTopic = upstream.topic(Topics.HAZARD_EVENTS);
        upstream.probe().publishRaw(hazardTopic, "poison-" + county.code, "{not json", Map.of(
                "ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_type", "rectify.hazard.HazardReported.v1",
                "ce_source", "/hazard-service", "ce_time", Instant.now().toString()));
        upstream.probe().publishRaw(upstream.topic(Topics.INSPECTION_EVENTS), "no-headers-" + county.code, "{}", Map.of());
        // a hazard event whose county code breaks the rules: poison too
        CountyStory.Hazard badCounty = CountyStory.withCode("not-a-code").hazard("GENERAL", Instant.now());
        upstream.publish(badCounty.reported("OPEN", 0));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(upstream.probe().readAll(upstream.topic(Topics.deadLetter(Topics.HAZARD_EVENTS, "scoring"))))
                    .extracting(ConsumerRecord::key).contains("poison-" + county.code, badCounty.id.toString());
            assertThat(upstream.probe().readAll(upstream.topic(Topics.deadLetter(Topics.INSPECTION_EVENTS, "scoring"))))
                    .extracting(ConsumerRecord::key).contains("no-headers-" + county.code);
        });
        upstream.publish(county.registered());
        upstream.publish(county.enterprise(CountyStory.newCreditCode()));
        awaitIndex(county.code, "0.0"); // one enterprise, none inspected
    }

    private static void assertIndicator(CountyIndexDocument doc, String code, long numerator, long denominator, String score) {
        IndicatorResult r = doc.indicators().stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
        assertThat(r.applicable()).isTrue();
        assertThat(r.numerator()).as(code).isEqualTo(numerator);
        assertThat(r.denominator()).as(code).isEqualTo(denominator);
        assertThat(r.score()).as(code).isEqualByComparingTo(score);
    }

    private List<ConsumerRecord<String, String>> countyIndexRecords(String code) {
        return upstream.probe().readAll(upstream.topic(Topics.COUNTY_INDEX), r -> code.equals(r.key()));
    }

    private long historyCount(String code) {
        return count("select count(*) from county_index_history where county_code = ?", code);
    }

    private double duplicates() {
        Counter c = registry.find("rectify.consumer.duplicates").tag("consumer", "scoring").counter();
        return c == null ? 0 : c.count();
    }

    /** Every marked county has been recomputed and everything the outbox holds has been published. */
    private void awaitQuiet() {
        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from pending_recompute") == 0 && relay.pending() == 0);
    }
}
