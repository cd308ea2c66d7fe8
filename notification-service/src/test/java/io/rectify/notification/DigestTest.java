package io.rectify.notification;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectify.notification.domain.RecipientLevel;
import io.rectify.notification.message.Reminder;
import io.rectify.notification.service.ChaseSweep;
import io.rectify.notification.service.DailyDigests;
import io.rectify.notification.support.HazardStory;
import io.rectify.notification.support.RectifyTestResources;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static io.rectify.notification.support.NotificationFixtures.notifications;
import static io.rectify.notification.support.NotificationFixtures.putContact;
import static io.rectify.notification.support.Waits.chaseAtVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Daily digest: the reminders of an enterprise on DAILY_DIGEST are held, then gathered into one email
 * ordered by urgency; two sweepers at once send it once, and a reminder held after today's digest waits
 * for tomorrow's.
 */
@QuarkusTest
@WithTestResource(RectifyTestResources.class)
class DigestTest {

    @Inject
    ChaseSweep sweep;

    @Inject
    DailyDigests digests;

    @ConfigProperty(name = "rectify.kafka.topic-prefix")
    String prefix;

    @Test
    void aDigestHoldsExactlyTheDaysRemindersMostUrgentFirstAndIsSentOnceByTwoSweepers() throws Exception {
        HazardStory.Place place = HazardStory.Place.fresh();
        String address = "digest-" + place.countyCode() + "-" + System.nanoTime() + "@enterprise.example.cn";
        putContact("ENTERPRISE", place.creditCode(), Map.of("name", "安全员", "email", address, "delivery", "DAILY_DIGEST", "digestTime", "00:00"));
        Instant due = Instant.now().plus(Duration.ofDays(1));
        HazardStory soon = new HazardStory(prefix, place, "GENERAL", due).describedAs("消防通道堵塞").reported();
        HazardStory late = new HazardStory(prefix, place, "GENERAL", due.minusSeconds(60)).describedAs("配电箱未接地").reported();
        chaseAtVersion(soon.id, 1);
        chaseAtVersion(late.id, 1);
        sweep.sweep(due.minusSeconds(5)); // soon: DUE_SOON; late: OVERDUE
        await().atMost(Duration.ofSeconds(10)).until(() -> status(soon, "DUE_SOON").equals("HELD") && status(late, "OVERDUE").equals("HELD"));

        // two instances sweeping at the same moment
        CountDownLatch start = new CountDownLatch(1);
        Instant now = Instant.now();
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> sweepWhenStarted(start, now));
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> sweepWhenStarted(start, now));
        start.countDown();
        assertThat(a.get() + b.get()).isEqualTo(1);

        List<MessagesTest.Received> mails = received(address);
        assertThat(mails).hasSize(1);
        MessagesTest.Received digest = mails.get(0);
        assertThat(digest.subject()).contains("2条提醒");
        assertThat(digest.text()).contains("消防通道堵塞", "配电箱未接地");
        assertThat(digest.text().indexOf("配电箱未接地")).as("the overdue one first").isLessThan(digest.text().indexOf("消防通道堵塞"));
        assertThat(digest.html()).contains("消防通道堵塞", "配电箱未接地");
        assertThat(status(soon, "DUE_SOON")).isEqualTo("SENT");
        assertThat(status(late, "OVERDUE")).isEqualTo("SENT");
        LocalDate today = now.atZone(Reminder.BEIJING).toLocalDate();
        assertThat(digests.sentOn(RecipientLevel.ENTERPRISE, place.creditCode(), today)).isEqualTo(1);

        // a reminder held after today's digest waits for tomorrow's; sweeping again (a restart) sends nothing
        sweep.sweep(due.plusSeconds(1)); // soon: OVERDUE
        await().atMost(Duration.ofSeconds(10)).until(() -> status(soon, "OVERDUE").equals("HELD"));
        assertThat(digests.sweep(Instant.now())).isZero();
        assertThat(received(address)).hasSize(1);
    }

    private int sweepWhenStarted(CountDownLatch start, Instant now) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return digests.sweep(now);
    }

    private static String status(HazardStory hazard, String step) {
        return notifications(hazard.id).stream().filter(n -> "ENTERPRISE".equals(n.get("level")) && step.equals(n.get("step")))
                .map(n -> (String) n.get("status")).findFirst().orElse("");
    }

    private static List<MessagesTest.Received> received(String address) {
        return java.util.Arrays.stream(RectifyTestResources.mail().getReceivedMessages()).filter(m -> SupersededTest.sentTo(m, address))
                .map(MessagesTest::read).toList();
    }
}
