package io.rectify.notification;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.rectify.contracts.CloudEvent;
import io.rectify.contracts.Topics;
import io.rectify.contracts.notification.WebhookSignature;
import io.rectify.notification.support.HazardStory;
import io.rectify.notification.support.RectifyTestResources;
import io.rectify.notification.support.WebhookReceiver;
import io.rectify.platform.testing.TopicProbe;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.rectify.notification.support.NotificationFixtures.chase;
import static io.rectify.notification.support.NotificationFixtures.email;
import static io.rectify.notification.support.NotificationFixtures.ladder;
import static io.rectify.notification.support.NotificationFixtures.notifications;
import static io.rectify.notification.support.NotificationFixtures.putContact;
import static io.rectify.notification.support.NotificationFixtures.webhook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole ladder in real time with short durations (this test's profile: due-soon 28 s and 14 s before,
 * city after 14 s, repeat every 42 s, province after 56 s), the real scheduler, real SMTP and a real
 * webhook receiver: a hazard reported, left overdue, escalated to CITY then PROVINCE, then signed off.
 * Timeline from the due date D: due-soon at D-28 s and D-14 s, OVERDUE at D, CITY at D+14 s, the first repeat
 * at D+42 s, PROVINCE at D+56 s, and the second repeat would be at D+84 s.
 */
@TestProfile(ChaseLadderTest.LiveSweep.class)
@QuarkusTest
@WithTestResource(RectifyTestResources.class)
class ChaseLadderTest {

    static final WebhookReceiver RECEIVER = new WebhookReceiver();
    static final String COUNTY_SECRET = "county-secret-0123456789";
    static final String PROVINCE_SECRET = "province-secret-0123456789";

    @ConfigProperty(name = "rectify.kafka.topic-prefix")
    String prefix;

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @Test
    void aHazardIsChasedUpTheLadderUntilSignedOffAndThenNothingMoreIsSent() throws Exception {
        HazardStory.Place place = HazardStory.Place.fresh();
        String enterpriseMail = "safety-" + place.countyCode() + "@enterprise.test";
        String cityMail = "duty-" + place.countyCode() + "@city.test";
        putContact("ENTERPRISE", place.creditCode(), email("Enterprise safety officer", enterpriseMail));
        putContact("COUNTY", place.countyCode(), webhook("County emergency office", RECEIVER.url("/county/" + place.countyCode()), COUNTY_SECRET));
        putContact("CITY", place.city(), email("City duty desk", cityMail));
        putContact("PROVINCE", place.province(), webhook("Province supervision", RECEIVER.url("/province/" + place.countyCode()), PROVINCE_SECRET));

        HazardStory hazard = new HazardStory(prefix, place, "GENERAL", Instant.now().plusSeconds(30)).reported();

        List<String> expected = List.of(
                "DUE_SOON ENTERPRISE EMAIL",
                "DUE_SOON ENTERPRISE EMAIL",
                "OVERDUE ENTERPRISE EMAIL",
                "OVERDUE COUNTY WEBHOOK",
                "ESCALATE_CITY CITY EMAIL",
                "OVERDUE_REPEAT ENTERPRISE EMAIL",
                "OVERDUE_REPEAT CITY EMAIL",
                "ESCALATE_PROVINCE PROVINCE WEBHOOK");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> notifications(hazard.id).stream().filter(n -> "SENT".equals(n.get("status"))).count() >= expected.size());
        // signed off as soon as the province heard of it: the next repeat (due at D+84 s) must never go out
        hazard.signedOff();
        await().atMost(Duration.ofSeconds(10)).until(() -> "CLOSED".equals(chase(hazard.id).getString("status")));

        // past D+84 s, when the second repeat would have been recorded
        Instant secondRepeat = hazard.dueAt().plusSeconds(84);
        Duration watch = Duration.between(Instant.now(), secondRepeat).plusSeconds(2);
        watch = watch.compareTo(Duration.ofSeconds(3)) < 0 ? Duration.ofSeconds(3) : watch;
        await().during(watch).atMost(watch.plusSeconds(2))
                .until(() -> notifications(hazard.id).size() == expected.size());
        List<Map<String, Object>> sent = notifications(hazard.id);
        assertThat(ladder(sent)).containsExactlyElementsOf(expected);
        assertThat(sent).extracting(n -> n.get("sequence")).containsExactly(1, 2, 1, 1, 1, 1, 1, 1);
        assertThat(sent).extracting(n -> n.get("recipient")).containsExactly(enterpriseMail, enterpriseMail, enterpriseMail,
                RECEIVER.url("/county/" + place.countyCode()), cityMail, enterpriseMail, cityMail, RECEIVER.url("/province/" + place.countyCode()));
        assertThat(sent).allSatisfy(n -> assertThat(n.get("status")).isEqualTo("SENT"));

        // the mail went through a real SMTP server, in the ladder's order
        List<String> enterpriseSubjects = subjectsTo(enterpriseMail);
        assertThat(enterpriseSubjects).hasSize(4);
        // in Chinese (the contacts' default locale): due soon, overdue, still overdue; escalated to the city
        assertThat(enterpriseSubjects.get(0)).contains("整改期限将至").contains("leaking flange on tank T-3");
        assertThat(enterpriseSubjects.get(1)).contains("整改期限将至");
        assertThat(enterpriseSubjects.get(2)).contains("整改已逾期");
        assertThat(enterpriseSubjects.get(3)).contains("仍未完成");
        assertThat(subjectsTo(cityMail)).hasSize(2).satisfies(s -> {
            assertThat(s.get(0)).contains("已上报" + place.city());
            assertThat(s.get(1)).contains("仍未完成");
        });

        // the webhooks were signed with each contact's secret and carry the snapshot
        var county = RECEIVER.received("/county/" + place.countyCode());
        assertThat(county).hasSize(1);
        assertThat(WebhookSignature.verify(county.get(0).body(), county.get(0).signature(), COUNTY_SECRET)).isTrue();
        assertThat(WebhookSignature.verify(county.get(0).body(), county.get(0).signature(), PROVINCE_SECRET)).isFalse();
        assertThat(county.get(0).delivery()).isEqualTo(sent.get(3).get("id"));
        assertThat(county.get(0).text()).contains("\"step\":\"OVERDUE\"", "\"level\":\"COUNTY\"", "\"hazard\":{",
                "\"countyCode\":\"" + place.countyCode() + "\"", "\"sentAt\"");
        var province = RECEIVER.received("/province/" + place.countyCode());
        assertThat(province).hasSize(1);
        assertThat(WebhookSignature.verify(province.get(0).body(), province.get(0).signature(), PROVINCE_SECRET)).isTrue();
        assertThat(province.get(0).text()).contains("\"step\":\"ESCALATE_PROVINCE\"");

        // dashboards saw every reminder, both escalations and the closure
        TopicProbe probe = new TopicProbe(RectifyTestResources.BOOTSTRAP);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            List<String> types = probe.readAll(prefix + Topics.NOTIFICATION_EVENTS, r -> hazard.id.toString().equals(r.key())).stream()
                    .map(ChaseLadderTest::eventName).toList();
            assertThat(types).containsExactly("ReminderSent", "ReminderSent", "ReminderSent", "ReminderSent", "EscalationRaised",
                    "ReminderSent", "ReminderSent", "EscalationRaised", "ChaseClosed");
        });
        assertThat(chase(hazard.id).getString("escalationLevel")).isEqualTo("PROVINCE");
        assertThat(chase(hazard.id).getLong("remindersSent")).isEqualTo(8);
    }

    static String eventName(ConsumerRecord<String, String> r) {
        return CloudEvent.nameOf(TopicProbe.header(r, CloudEvent.H_TYPE));
    }

    static List<String> subjectsTo(String address) throws Exception {
        MimeMessage[] all = RectifyTestResources.mail().getReceivedMessages();
        return Arrays.stream(all).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).map(m -> {
            try {
                return m.getSubject();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /**
     * This test watches the ladder climb on its own: the scheduled sweep runs every second. On a busy machine
     * the mail client now and then takes up no new SMTP connection for up to ~11 s (GreenMail greets each one,
     * the client never sends EHLO; seen with kept-alive and with one-per-mail connections), and every email
     * attempt in that window times out. The product copes as designed (timeout, retry; a notification still
     * undelivered when the next step is recorded is superseded), but with 3 s between steps and a 10 s email
     * timeout the ladder came out differently (an escalation SUPERSEDED, a ninth and tenth notification). So
     * here the steps are 14 s apart and an email not accepted within 2 s is tried again (at most 10 attempts):
     * a stalled send is delivered before the next step supersedes it.
     */
    public static class LiveSweep implements QuarkusTestProfile {
        @Override
        public java.util.Map<String, String> getConfigOverrides() {
            return java.util.Map.of("rectify.chasing.sweep-interval", "PT1S",
                    "rectify.chasing.due-soon-before", "PT28S,PT14S",
                    "rectify.chasing.general.escalate-city-after", "PT14S",
                    "rectify.chasing.repeat-every", "PT42S",
                    "rectify.chasing.general.escalate-province-after", "PT56S",
                    "rectify.chasing.delivery.email-timeout", "PT2S",
                    "rectify.chasing.delivery.max-attempts", "10");
        }
    }
}
