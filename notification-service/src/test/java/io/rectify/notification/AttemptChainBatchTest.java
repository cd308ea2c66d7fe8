package io.rectify.notification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectify.notification.domain.DeliveryAttempt;
import io.rectify.notification.service.AttemptRows;
import io.rectify.notification.support.NotificationFixtures;
import io.rectify.notification.support.RectifyTestResources;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * The attempt rows of a delivery batch go in with two statements ({@code AuditChain.appendAll}); the chains
 * they form are those one append per attempt would: entries of one notification chained in order (also
 * within one batch, and on top of an earlier batch), every chain intact.
 */
@QuarkusTest
@WithTestResource(RectifyTestResources.class)
class AttemptChainBatchTest {

    @Inject
    AttemptRows attemptRows;

    @Inject
    EntityManager em;

    @Test
    void attemptsAppendedTogetherFormIntactChainsPerNotification() {
        UUID a = notification();
        UUID b = notification();
        QuarkusTransaction.requiringNew().run(() -> attemptRows.insert(List.of(attempt(a, 1, "RETRY", 503))));
        // a later batch: a's second and third attempt (same chain, same batch) and b's first
        QuarkusTransaction.requiringNew().run(() -> attemptRows.insert(List.of(
                attempt(a, 2, "RETRY", 500), attempt(b, 1, "DELIVERED", 200), attempt(a, 3, "DELIVERED", 200))));

        verification(a, 3);
        verification(b, 1);
        List<?> seqs = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select attempt * 10 + seq from delivery_attempt where notification_id = ?1 order by seq").setParameter(1, a).getResultList());
        // attempt n landed at seq n
        org.assertj.core.api.Assertions.assertThat(seqs).extracting(Object::toString).containsExactly("11", "22", "33");
    }

    private static void verification(UUID id, int entries) {
        given().header("Authorization", NotificationFixtures.ADMIN)
                .get("/api/v1/audit/trails/delivery_attempt/{id}/verification", id).then().statusCode(200)
                .body("intact", equalTo(true)).body("entries", equalTo(entries));
    }

    private static DeliveryAttempt attempt(UUID notification, int n, String outcome, int status) {
        DeliveryAttempt a = new DeliveryAttempt();
        a.notificationId = notification;
        a.attempt = n;
        a.attemptedAt = Instant.now();
        a.outcome = outcome;
        a.httpStatus = status;
        a.detail = "HTTP " + status;
        return a;
    }

    private UUID notification() {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into notification (id, hazard_id, due_at, step, sequence, "
                        + "level, channel, recipient_ref, county_code, grade, step_at, status, attempts, hazard_snapshot, created_at) "
                        + "values (?1, ?2, now(), 'DUE_SOON', 1, 'COUNTY', 'WEBHOOK', 'C1', 'C1', 'GENERAL', now(), 'SENT', 3, '{}', now())")
                .setParameter(1, id).setParameter(2, UUID.randomUUID()).executeUpdate());
        return id;
    }
}
