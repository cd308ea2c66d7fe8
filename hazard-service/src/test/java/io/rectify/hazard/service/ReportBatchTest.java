package io.rectify.hazard.service;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rectify.contracts.hazard.Actor;
import io.rectify.hazard.domain.Grade;
import io.rectify.hazard.domain.Hazard;
import io.rectify.hazard.domain.HazardSource;
import io.rectify.hazard.domain.HazardStatus;
import io.rectify.hazard.support.HazardFixtures.Place;
import io.rectify.hazard.support.HazardTestBase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.rectify.hazard.support.HazardFixtures.HAZARDS;
import static io.rectify.hazard.support.HazardFixtures.agency;
import static io.rectify.hazard.support.HazardFixtures.generalReport;
import static io.rectify.hazard.support.HazardFixtures.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports without an Idempotency-Key are written many to a transaction ({@link ReportBatch}): each
 * {@code 201} still stands for its own hazard, its own REPORT line on its own intact chain and its own
 * HazardReported event; and a report whose write fails takes no other report of its batch with it.
 */
@QuarkusTest
class ReportBatchTest extends HazardTestBase {

    @Inject
    ReportBatch batch;

    @Inject
    MeterRegistry meters;

    @Inject
    EntityManager em;

    @Test
    void concurrentReportsEachCommitTheirOwnRows() throws Exception {
        Place place = newCounty();
        String enterprise = newEnterprise(place);
        DistributionSummary batches = meters.get("rectify.hazard.report.batch").summary();
        double writtenBefore = batches.totalAmount();

        int reports = 24;
        ExecutorService clients = Executors.newFixedThreadPool(reports);
        List<Future<String>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < reports; i++) {
                answers.add(clients.submit(() -> given(agency()).body(generalReport(place, enterprise, "REGULATOR"))
                        .post(HAZARDS).then().statusCode(201).extract().<String>path("id")));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> a : answers) {
                ids.add(a.get());
            }
            assertThat(ids).doesNotHaveDuplicates().hasSize(reports);
            assertThat(batches.totalAmount() - writtenBefore).as("reports written by the batch writer").isEqualTo(reports);
            for (String id : ids) {
                given(agency()).get(HAZARDS + "/" + id + "/history/verification").then().statusCode(200)
                        .body("intact", org.hamcrest.Matchers.is(true)).body("entries", org.hamcrest.Matchers.is(1));
                assertThat(count("select count(*) from hazard_history where hazard_id = ?1 and action = 'REPORT'", id)).isEqualTo(1);
                assertThat(count("select count(*) from outbox_event where aggregateid = ?1 and type like '%HazardReported%'", id))
                        .as("HazardReported events of " + id).isEqualTo(1);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aReportWhoseWriteFailsFailsAlone() {
        Place place = newCounty();
        String enterprise = newEnterprise(place);
        NewReport first = prepared(place, enterprise);
        NewReport broken = prepared(place, enterprise);
        broken.hazard().majorCriterion = "A1"; // the hazard table takes a major criterion only on a MAJOR hazard
        NewReport last = prepared(place, enterprise);
        CompletableFuture<Void> a = new CompletableFuture<>();
        CompletableFuture<Void> b = new CompletableFuture<>();
        CompletableFuture<Void> c = new CompletableFuture<>();

        batch.writeBatch(List.of(new ReportBatch.Pending(first, a), new ReportBatch.Pending(broken, b), new ReportBatch.Pending(last, c)));

        assertThat(a).isCompleted().isNotCompletedExceptionally();
        assertThat(b).isCompletedExceptionally();
        assertThat(c).isCompleted().isNotCompletedExceptionally();
        assertThat(count("select count(*) from hazard where id = ?1", first.hazard().id.toString())).isEqualTo(1);
        assertThat(count("select count(*) from hazard where id = ?1", broken.hazard().id.toString())).isZero();
        assertThat(count("select count(*) from outbox_event where aggregateid = ?1", broken.hazard().id.toString())).isZero();
        assertThat(count("select count(*) from hazard_history where hazard_id = ?1", last.hazard().id.toString())).isEqualTo(1);
    }

    /** A report as {@link HazardService#prepareReport} makes it from a regulator's request (no request here). */
    private static NewReport prepared(Place place, String enterprise) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Hazard h = new Hazard();
        h.id = UUID.randomUUID();
        h.source = HazardSource.REGULATOR;
        h.enterpriseCreditCode = enterprise;
        h.countyCode = place.county();
        h.keyTask = "EQUIPMENT_RUNNING_WITH_DEFECTS";
        h.grade = Grade.GENERAL;
        h.description = "batch test";
        h.status = HazardStatus.OPEN;
        h.reportedAt = now;
        h.dueAt = now.plus(30, ChronoUnit.DAYS);
        return new NewReport(h, null, new Actor("batch-test", "AGENCY_SYSTEM"), null);
    }

    private long count(String sql, String id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql.replace("?1", "'" + UUID.fromString(id) + "'"))
                .getSingleResult()).longValue());
    }
}
