package io.rectify.notification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectify.contracts.CloudEvent;
import io.rectify.contracts.Topics;
import io.rectify.notification.config.ChasingConfig;
import io.rectify.notification.domain.Chase;
import io.rectify.notification.domain.ChasePlanner;
import io.rectify.notification.service.ChaseSweep;
import io.rectify.notification.service.NotificationRecorder;
import io.rectify.notification.support.HazardStory;
import io.rectify.notification.support.RectifyTestResources;
import io.rectify.notification.support.WebhookReceiver;
import io.rectify.platform.testing.TopicProbe;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static io.rectify.notification.support.NotificationFixtures.ladder;
import static io.rectify.notification.support.NotificationFixtures.notifications;
import static io.rectify.notification.support.NotificationFixtures.putContact;
import static io.rectify.notification.support.NotificationFixtures.webhook;
import static io.rectify.notification.support.Waits.chaseAtVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exactly-once effect: concurrent sweeps against one database, a restart that lost a chase's progress,
 * and downtime. The sweep is driven with an explicit instant a day ahead (the hazards are due tomorrow),
 * so these tests do not wait for the policy's clock.
 */
@QuarkusTest
@WithTestResource(RectifyTestResources.class)
class ExactlyOnceTest {

    static final WebhookReceiver RECEIVER = new WebhookReceiver();

    @Inject
    ChaseSweep sweep;

    @Inject
    Scheduler scheduler;

    @Inject
    NotificationRecorder recorder;

    @Inject
    ChasingConfig config;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "rectify.kafka.topic-prefix")
    String prefix;

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @Test
    void twoConcurrentSweepsOverOneDatabaseSendNoDuplicate() throws Exception {
        HazardStory.Place place = HazardStory.Place.fresh();
        String enterpriseHook = "/concurrent/enterprise/" + place.countyCode();
        String countyHook = "/concurrent/county/" + place.countyCode();
        putContact("ENTERPRISE", place.creditCode(), webhook("Enterprise", RECEIVER.url(enterpriseHook), "enterprise-secret-0123456789"));
        putContact("COUNTY", place.countyCode(), webhook("County", RECEIVER.url(countyHook), "county-secret-0123456789ab"));
        Instant due = Instant.now().plus(Duration.ofDays(1));
        List<HazardStory> hazards = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            hazards.add(new HazardStory(prefix, place, "GENERAL", due).reported());
        }
        hazards.forEach(h -> chaseAtVersion(h.id, 1));

        // the scheduled sweep steps aside so the two sweeps below really race each other for the same chases
        scheduler.pause("chase-sweep");
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            Instant overdue = due.plusSeconds(1);
            Future<Integer> first = two.submit(() -> {
                start.await();
                return sweep.sweep(overdue);
            });
            Future<Integer> second = two.submit(() -> {
                start.await();
                return sweep.sweep(overdue);
            });
            assertThat(first.get() + second.get()).isGreaterThanOrEqualTo(20);
        } finally {
            two.shutdownNow();
            scheduler.resume("chase-sweep");
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVER.received(enterpriseHook).size() + RECEIVER.received(countyHook).size() >= 40);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> RECEIVER.received(enterpriseHook).size() + RECEIVER.received(countyHook).size() == 40);
        List<String> deliveries = new ArrayList<>();
        RECEIVER.received(enterpriseHook).forEach(r -> deliveries.add(r.delivery()));
        RECEIVER.received(countyHook).forEach(r -> deliveries.add(r.delivery()));
        assertThat(deliveries).doesNotHaveDuplicates().hasSize(40);
        for (HazardStory h : hazards) {
            List<Map<String, Object>> sent = notifications(h.id);
            assertThat(ladder(sent)).containsExactly("OVERDUE ENTERPRISE WEBHOOK", "OVERDUE COUNTY WEBHOOK");
            assertThat(sent).allSatisfy(n -> assertThat(n.get("status")).isEqualTo("SENT"));
        }
    }

    @Test
    void aRestartInTheMiddleSendsNoDuplicateAndMissedRepeatsCoalesceIntoOne() {
        // no contacts at all here: every notification is recorded as NO_CONTACT and stays visible
        HazardStory.Place place = HazardStory.Place.fresh();
        Instant due = Instant.now().plus(Duration.ofDays(1));
        HazardStory hazard = new HazardStory(prefix, place, "GENERAL", due).reported();
        chaseAtVersion(hazard.id, 1);

        sweep.sweep(due.plusSeconds(1));
        assertThat(ladder(notifications(hazard.id))).containsExactly("OVERDUE ENTERPRISE NONE", "OVERDUE COUNTY NONE");

        // down for 40 s of policy time: CITY (D+3 s), PROVINCE (D+12 s) and four repeats (D+9, 18, 27, 36 s) were missed
        Instant afterDowntime = due.plusSeconds(40);
        sweep.sweep(afterDowntime);
        sweep.sweep(afterDowntime);
        List<Map<String, Object>> sent = notifications(hazard.id);
        assertThat(ladder(sent)).containsExactly(
                "OVERDUE ENTERPRISE NONE", "OVERDUE COUNTY NONE",
                "ESCALATE_CITY CITY NONE", "ESCALATE_PROVINCE PROVINCE NONE",
                "OVERDUE_REPEAT ENTERPRISE NONE", "OVERDUE_REPEAT PROVINCE NONE");
        assertThat(Instant.parse((String) sent.get(4).get("stepAt")).truncatedTo(java.time.temporal.ChronoUnit.MILLIS))
                .isEqualTo(due.plusSeconds(36).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(sent).allSatisfy(n -> {
            assertThat(n.get("status")).isEqualTo("FAILED");
            assertThat(n.get("failureReason")).isEqualTo("NO_CONTACT");
        });

        // an instance restarted with the chase's progress lost (as if its update had never committed)
        // replays the whole plan: the unique keys turn every insert into nothing
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update chase set escalation_level = 'NONE', "
                        + "overdue_sent = false, repeats_sent = 0, last_overdue_notice_at = null, next_step_at = ?1 where hazard_id = ?2")
                .setParameter(1, due).setParameter(2, hazard.id).executeUpdate());
        sweep.sweep(afterDowntime);
        assertThat(notifications(hazard.id)).hasSize(6);

        TopicProbe probe = new TopicProbe(RectifyTestResources.BOOTSTRAP);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            Map<String, Long> events = probe.readAll(prefix + Topics.NOTIFICATION_EVENTS, r -> hazard.id.toString().equals(r.key())).stream()
                    .collect(Collectors.groupingBy(r -> CloudEvent.nameOf(TopicProbe.header(r, CloudEvent.H_TYPE)), Collectors.counting()));
            assertThat(events).isEqualTo(Map.of("NotificationFailed", 6L, "EscalationRaised", 2L));
        });
    }

    /**
     * A sweep batch records the notifications it makes due already claimed and sends them after its commit; an
     * instance that dies in between (here: the batch recorded claimed, never handed to a delivery loop) leaves
     * them leased, and they are claimed again and delivered once when the lease runs out, never lost.
     */
    @Test
    void notificationsRecordedClaimedByACutSweepAreDeliveredOnceWhenTheirLeaseRunsOut() {
        HazardStory.Place place = HazardStory.Place.fresh();
        String hook = "/cut-sweep/" + place.countyCode();
        putContact("ENTERPRISE", place.creditCode(), webhook("Enterprise", RECEIVER.url(hook), "enterprise-secret-0123456789"));
        Instant due = Instant.now().plus(Duration.ofDays(1));
        HazardStory hazard = new HazardStory(prefix, place, "GENERAL", due).reported();
        chaseAtVersion(hazard.id, 1);

        Instant leaseUntil = Instant.now().plusSeconds(3);
        int claimed = QuarkusTransaction.requiringNew().call(() -> {
            Chase chase = em.find(Chase.class, hazard.id);
            List<NotificationRecorder.Due> steps = ChasePlanner.plan(config.policy(), chase.state(), due.plusSeconds(1))
                    .stepsDueNow().stream().map(step -> new NotificationRecorder.Due(chase, step)).toList();
            return recorder.recordAll(steps, leaseUntil).claimed().size();
        });
        assertThat(claimed).isEqualTo(1); // the enterprise's webhook; the county has no contact (recorded failed)
        Map<String, Object> enterprise = notifications(hazard.id).stream().filter(n -> "ENTERPRISE".equals(n.get("level"))).findFirst().orElseThrow();
        assertThat(enterprise.get("status")).isEqualTo("PENDING");

        // not sent while leased (the loop that claimed it is gone), then claimed again and sent once
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> RECEIVER.received(hook).isEmpty());
        await().atMost(Duration.ofSeconds(20)).until(() -> RECEIVER.received(hook).size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> RECEIVER.received(hook).size() == 1);
        Map<String, Object> sent = await().atMost(Duration.ofSeconds(10)).until(() -> notifications(hazard.id).stream()
                .filter(n -> "ENTERPRISE".equals(n.get("level"))).findFirst().orElseThrow(), n -> "SENT".equals(n.get("status")));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> attempts = (List<Map<String, Object>>) sent.get("attempts");
        // attempt 1 was the cut one (counted, never made); the claim after the lease made attempt 2
        assertThat(attempts).extracting(a -> a.get("attempt")).containsExactly(2);
        assertThat(RECEIVER.received(hook).get(0).delivery()).isEqualTo(sent.get("id"));
    }
}
