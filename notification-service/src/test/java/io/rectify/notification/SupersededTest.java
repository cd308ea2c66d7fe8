package io.rectify.notification;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectify.notification.service.ChaseSweep;
import io.rectify.notification.support.HazardStory;
import io.rectify.notification.support.RectifyTestResources;
import io.rectify.notification.support.StallingSmtpProxy;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.rectify.notification.support.NotificationFixtures.email;
import static io.rectify.notification.support.NotificationFixtures.notifications;
import static io.rectify.notification.support.NotificationFixtures.putContact;
import static io.rectify.notification.support.Waits.chaseAtVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No stale messages (chasing.md "Withdrawal"): the story with a real SMTP server behind a proxy that
 * stalls one connection. The DUE_SOON email is stuck in flight when OVERDUE is recorded; OVERDUE goes out,
 * the stuck send then fails, and DUE_SOON — now SUPERSEDED by OVERDUE — is never retried, so the enterprise
 * never hears "due soon" after "overdue".
 */
@QuarkusTest
@WithTestResource(RectifyTestResources.class)
class SupersededTest {

    @Inject
    ChaseSweep sweep;

    @ConfigProperty(name = "rectify.kafka.topic-prefix")
    String prefix;

    @Test
    void aDueSoonStuckOnAStalledSmtpServerIsSupersededByOverdueAndNeverSentAfterIt() throws Exception {
        StallingSmtpProxy proxy = RectifyTestResources.smtpProxy();
        HazardStory.Place place = HazardStory.Place.fresh();
        String address = "officer-" + place.countyCode() + "-" + System.nanoTime() + "@enterprise.example.cn";
        putContact("ENTERPRISE", place.creditCode(), email("Safety officer", address));
        Instant due = Instant.now().plus(Duration.ofDays(1));
        HazardStory hazard = new HazardStory(prefix, place, "GENERAL", due).reported();
        chaseAtVersion(hazard.id, 1);

        proxy.stallNextConnection();
        sweep.sweep(due.minusSeconds(5)); // DUE_SOON #1 (due - 6 s has passed)
        await().atMost(Duration.ofSeconds(15)).until(() -> proxy.stalledConnections() == 1);

        sweep.sweep(due.plusSeconds(1)); // OVERDUE, while DUE_SOON is still stuck in flight
        Map<String, Object> overdue = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> enterprise(hazard, "OVERDUE"), n -> n.isPresent() && "SENT".equals(n.get().get("status"))).get();
        proxy.releaseStalled(); // the stuck send fails now: before withdrawal it would have been retried and landed last

        Map<String, Object> dueSoon = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> enterprise(hazard, "DUE_SOON"), n -> n.isPresent() && !((List<?>) n.get().get("attempts")).isEmpty()).get();
        assertThat(dueSoon.get("status")).isEqualTo("SUPERSEDED");
        assertThat(dueSoon.get("supersededBy")).isEqualTo("OVERDUE");
        // well past several backoffs (0.2 s doubling to 1 s): still the one OVERDUE email and no DUE_SOON after it
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() -> subjectsTo(address).size() == 1);
        assertThat(subjectsTo(address)).singleElement().satisfies(s -> assertThat(s).contains("逾期").doesNotContain("将至"));
        assertThat(enterprise(hazard, "DUE_SOON").orElseThrow().get("status")).isEqualTo("SUPERSEDED");
        assertThat(overdue.get("sentAt")).isNotNull();
    }

    @Test
    void aSignOffSupersedesWhatWasNotDeliveredWithTheChaseClosed() {
        StallingSmtpProxy proxy = RectifyTestResources.smtpProxy();
        HazardStory.Place place = HazardStory.Place.fresh();
        String address = "officer-" + place.countyCode() + "-" + System.nanoTime() + "@enterprise.example.cn";
        putContact("ENTERPRISE", place.creditCode(), email("Safety officer", address));
        Instant due = Instant.now().plus(Duration.ofDays(1));
        HazardStory hazard = new HazardStory(prefix, place, "GENERAL", due).reported();
        chaseAtVersion(hazard.id, 1);
        proxy.stallNextConnection();
        sweep.sweep(due.minusSeconds(5));
        await().atMost(Duration.ofSeconds(15)).until(() -> proxy.stalledConnections() == 1);

        hazard.signedOff();
        Map<String, Object> n = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> enterprise(hazard, "DUE_SOON"), o -> o.isPresent() && "SUPERSEDED".equals(o.get().get("status"))).get();
        assertThat(n.get("supersededBy")).isEqualTo("CHASE_CLOSED");
        proxy.releaseStalled();
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> subjectsTo(address).isEmpty());
    }

    private static Optional<Map<String, Object>> enterprise(HazardStory hazard, String step) {
        return notifications(hazard.id).stream()
                .filter(n -> "ENTERPRISE".equals(n.get("level")) && step.equals(n.get("step"))).findFirst();
    }

    private static List<String> subjectsTo(String address) {
        GreenMail mail = RectifyTestResources.mail();
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> sentTo(m, address)).map(SupersededTest::subject).toList();
    }

    static boolean sentTo(MimeMessage m, String address) {
        try {
            return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(address));
        } catch (Exception e) {
            return false;
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
