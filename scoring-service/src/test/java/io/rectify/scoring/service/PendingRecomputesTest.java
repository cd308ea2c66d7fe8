package io.rectify.scoring.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rectify.contracts.scoring.CountyIndexDocument;
import io.rectify.scoring.domain.HazardFact;
import io.rectify.scoring.support.CountyStory;
import io.rectify.scoring.support.ScoringTestBase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consumer marks, the recompute loop recomputes: many fact changes for one county make one mark per
 * county/period, committed with the facts, and the loop turns them into the answer and removes them.
 */
@QuarkusTest
class PendingRecomputesTest extends ScoringTestBase {

    @Inject
    FactStore facts;

    @Inject
    CountyIndexService indexes;

    @Inject
    PendingRecomputes pending;

    /** Facts written here are on no topic: removed afterwards, so a rebuild in another test does not "lose" them. */
    private final List<String> written = new ArrayList<>();

    @AfterEach
    void removeFactsThatAreOnNoTopic() {
        QuarkusTransaction.requiringNew().run(() -> written.forEach(county -> {
            for (String table : List.of("pending_recompute", "hazard_fact", "county_index_current", "county_index_history")) {
                sql.update("delete from " + table + " where county_code = ?", county);
            }
            sql.update("delete from county where code = ?", county);
        }));
    }

    @Test
    void manyChangesToOneCountyMakeOneMarkPerPeriodAndTheLoopAnswersThemAll() {
        String county = CountyStory.create().code;
        written.add(county);
        int current = indexes.currentPeriod();
        Instant lastYear = Instant.now().minus(Duration.ofDays(400));
        int past = current - 1;

        long marksInTheTransaction = QuarkusTransaction.requiringNew().call(() -> {
            for (int i = 0; i < 50; i++) {
                boolean old = i % 5 == 0; // 10 hazards reported last year, 40 this year
                HazardFact fact = new HazardFact(UUID.randomUUID(), "GENERAL", "OPEN", Instant.now().plus(Duration.ofDays(30)),
                        null, null, 0);
                List<Affected> affected = facts.apply(new FactUpdate.HazardUpdate(fact, county, "City", "Province",
                        old ? past : current, 0));
                indexes.markPending(affected);
            }
            // read inside the transaction: after the commit the loop may already have taken them
            return count(county);
        });
        assertThat(marksInTheTransaction).as("50 changes, two periods: two marks").isEqualTo(2);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(countAfterCommit(county)).isZero();
            assertThat(hazardCount(county, current)).isEqualTo(40);
            assertThat(hazardCount(county, past)).isEqualTo(10);
        });
    }

    @Test
    void aMarkWithoutNewFactsIsRemovedWithoutANewAnswer() {
        String county = CountyStory.create().code;
        written.add(county);
        int current = indexes.currentPeriod();
        QuarkusTransaction.requiringNew().run(() -> indexes.markPending(List.of(new Affected(county, current))));
        await().atMost(Duration.ofSeconds(30)).until(() -> countAfterCommit(county) == 0);
        long answers = count("select count(*) from county_index_history where county_code = ?", county);

        QuarkusTransaction.requiringNew().run(() -> indexes.markPending(List.of(new Affected(county, current))));
        await().atMost(Duration.ofSeconds(30)).until(() -> countAfterCommit(county) == 0);
        assertThat(count("select count(*) from county_index_history where county_code = ?", county)).isEqualTo(answers);
    }

    @Test
    void aMarkRenewedWhileARoundRunsSurvivesThatRound() {
        String county = CountyStory.create().code;
        written.add(county);
        int current = indexes.currentPeriod();
        pending.pause(); // this test plays the round itself
        try {
            QuarkusTransaction.requiringNew().run(() -> indexes.markPending(List.of(new Affected(county, current))));
            List<CountyIndexService.Mark> read = marks(county);
            // a consumer marks the county again after the round read its marks (a fact the round may not see)
            QuarkusTransaction.requiringNew().run(() -> indexes.markPending(List.of(new Affected(county, current))));
            QuarkusTransaction.requiringNew().run(() -> indexes.recomputeMarked(read));
            assertThat(countAfterCommit(county)).as("the renewed mark is left for the next round").isEqualTo(1);

            List<CountyIndexService.Mark> next = marks(county);
            QuarkusTransaction.requiringNew().run(() -> indexes.recomputeMarked(next));
            assertThat(countAfterCommit(county)).isZero();
        } finally {
            pending.resume();
        }
    }

    private List<CountyIndexService.Mark> marks(String county) {
        return QuarkusTransaction.requiringNew().call(() -> sql.list(
                "select county_code, period, marked_at from pending_recompute where county_code = ?",
                rs -> new CountyIndexService.Mark(rs.getString(1), rs.getInt(2), rs.getObject(3, java.time.OffsetDateTime.class)), county));
    }

    private long count(String county) {
        return sql.one("select count(*) from pending_recompute where county_code = ?", rs -> rs.getLong(1), county).orElse(0L);
    }

    private long countAfterCommit(String county) {
        return count("select count(*) from pending_recompute where county_code = ?", county);
    }

    /** H of the stored answer: REPEAT_FREE_RATE counts every hazard of the period. */
    private long hazardCount(String county, int period) {
        List<Long> denominators = new ArrayList<>(QuarkusTransaction.requiringNew().call(() -> sql.list(
                "select document from county_index_current where county_code = ? and period = ?",
                rs -> io.rectify.contracts.EventJson.read(rs.getString(1), CountyIndexDocument.class), county, period)
                .stream().flatMap(d -> d.indicators().stream())
                .filter(i -> i.code().equals("REPEAT_FREE_RATE")).map(CountyIndexDocument.IndicatorResult::denominator).toList()));
        return denominators.isEmpty() ? -1 : denominators.get(0);
    }
}
