package io.rectify.notification;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectify.notification.service.ChaseSweep;
import io.rectify.notification.support.HazardStory;
import io.rectify.notification.support.Registry;
import io.rectify.notification.support.RectifyTestResources;
import io.rectify.notification.support.SmsGateway;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import static io.rectify.notification.support.NotificationFixtures.notifications;
import static io.rectify.notification.support.NotificationFixtures.putContact;
import static io.rectify.notification.support.Waits.chaseAtVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SMS through a real local HTTP gateway (JDK HttpServer): the provider shape (signature, template code,
 * parameters, outId), signed requests, retried on 5xx like the other channels, and withdrawn when a later
 * step is recorded.
 */
@QuarkusTest
@WithTestResource(RectifyTestResources.class)
class SmsTest {

    @Inject
    ChaseSweep sweep;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "rectify.kafka.topic-prefix")
    String prefix;

    @Test
    void anSmsIsRetriedOn503AndDeliveredInTheProviderShape() {
        SmsGateway gateway = RectifyTestResources.smsGateway();
        HazardStory.Place place = HazardStory.Place.fresh();
        Registry.register(em, place, "旺苍县", "旺苍煤业有限公司");
        String phone = phone();
        gateway.script(phone, 503);
        putContact("ENTERPRISE", place.creditCode(), Map.of("name", "安全员", "phone", phone));
        Instant due = Instant.now().plus(Duration.ofDays(1));
        HazardStory hazard = new HazardStory(prefix, place, "GENERAL", due).describedAs("井下通风设施损坏").reported();
        chaseAtVersion(hazard.id, 1);

        sweep.sweep(due.plusSeconds(1));
        Map<String, Object> n = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> enterprise(hazard, "OVERDUE"), o -> o.isPresent() && "SENT".equals(o.get().get("status"))).get();
        assertThat(n.get("channel")).isEqualTo("SMS");
        assertThat(attempts(n)).extracting(a -> a.get("outcome")).containsExactly("RETRY", "DELIVERED");
        List<SmsGateway.Request> sent = gateway.received(phone);
        assertThat(sent).hasSize(2).allSatisfy(r -> {
            assertThat(r.outId()).isEqualTo(n.get("id"));
            assertThat(r.signatureValid()).isTrue();
            assertThat(r.signName()).isEqualTo("应急管理");
            assertThat(r.templateCode()).isEqualTo("SMS_RECTIFY_REMINDER");
            assertThat(r.params().path("county").asText()).isEqualTo("旺苍县");
            assertThat(r.params().path("hazard").asText()).isEqualTo("井下通风设施损坏");
            assertThat(r.params().path("headline").asText()).contains("逾期");
            assertThat(r.params().path("link").asText()).contains("/acknowledgement?token=");
        });
    }

    @Test
    void anSmsStillRetryingIsWithdrawnWhenTheNextStepIsRecorded() {
        SmsGateway gateway = RectifyTestResources.smsGateway();
        HazardStory.Place place = HazardStory.Place.fresh();
        String phone = phone();
        gateway.always(phone, 503);
        putContact("ENTERPRISE", place.creditCode(), Map.of("name", "Safety officer", "phone", phone));
        Instant due = Instant.now().plus(Duration.ofDays(1));
        HazardStory hazard = new HazardStory(prefix, place, "GENERAL", due).reported();
        chaseAtVersion(hazard.id, 1);

        sweep.sweep(due.minusSeconds(5));
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> !gateway.received(phone).isEmpty());
        sweep.sweep(due.plusSeconds(1)); // OVERDUE withdraws the DUE_SOON still being retried

        Map<String, Object> dueSoon = enterprise(hazard, "DUE_SOON").orElseThrow();
        assertThat(dueSoon.get("status")).isEqualTo("SUPERSEDED");
        assertThat(dueSoon.get("supersededBy")).isEqualTo("OVERDUE");
        String dueSoonId = (String) dueSoon.get("id");
        int before = (int) gateway.received(phone).stream().filter(r -> r.outId().equals(dueSoonId)).count();
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> gateway.received(phone).stream().filter(r -> r.outId().equals(dueSoonId)).count() <= before + 1);
        assertThat(before).isLessThan(5);
    }

    private static String phone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private static Optional<Map<String, Object>> enterprise(HazardStory hazard, String step) {
        return notifications(hazard.id).stream()
                .filter(n -> "ENTERPRISE".equals(n.get("level")) && step.equals(n.get("step"))).findFirst();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> attempts(Map<String, Object> notification) {
        return (List<Map<String, Object>>) notification.get("attempts");
    }
}
