package io.rectify.notification;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectify.contracts.CloudEvent;
import io.rectify.contracts.EventJson;
import io.rectify.contracts.Topics;
import io.rectify.contracts.notification.NotificationAcknowledged;
import io.rectify.notification.service.AcknowledgementTokens;
import io.rectify.notification.service.ChaseSweep;
import io.rectify.notification.support.HazardStory;
import io.rectify.notification.support.Registry;
import io.rectify.notification.support.RectifyTestResources;
import io.rectify.platform.testing.TopicProbe;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.rectify.notification.support.NotificationFixtures.notifications;
import static io.rectify.notification.support.NotificationFixtures.putContact;
import static io.rectify.notification.support.Waits.chaseAtVersion;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Messages people act on, through a real SMTP server (GreenMail): in the recipient's language with the
 * registry's names, an HTML and a plain-text part; the signed acknowledgement link works once, fails when
 * altered or expired, is published on notification.events, and the next repeat says it was acknowledged.
 */
@QuarkusTest
@WithTestResource(RectifyTestResources.class)
class MessagesTest {

    static final Pattern ACK_LINK = Pattern.compile("https?://[^\\s\"<]+/api/v1/notifications/([0-9a-f-]{36})/acknowledgement\\?token=([^\\s\"<&]+)");

    @Inject
    ChaseSweep sweep;

    @Inject
    EntityManager em;

    @Inject
    AcknowledgementTokens tokens;

    @ConfigProperty(name = "rectify.kafka.topic-prefix")
    String prefix;

    record Received(String subject, String text, String html) {
    }

    @Test
    void aChineseEmailNamesTheHazardCountyAndEnterpriseAndItsLinkAcknowledgesOnce() {
        HazardStory.Place place = HazardStory.Place.fresh();
        Registry.register(em, place, "江油市", "四川江油化工有限公司");
        String address = "anquan-" + place.countyCode() + "-" + System.nanoTime() + "@qiye.example.cn";
        putContact("ENTERPRISE", place.creditCode(), Map.of("name", "安全员", "email", address));
        Instant due = Instant.now().plus(Duration.ofDays(1));
        String description = "储罐区T-3法兰泄漏，未设置围堰";
        HazardStory hazard = new HazardStory(prefix, place, "MAJOR", due).describedAs(description).reported();
        chaseAtVersion(hazard.id, 1);

        sweep.sweep(due.plusSeconds(1));
        Received mail = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> lastTo(address), Optional::isPresent).get();

        assertThat(mail.subject()).contains(description.substring(0, 10)).contains("江油市").contains("逾期");
        assertThat(mail.text()).contains(description, "江油市", "四川江油化工有限公司", "重大隐患", "整改期限（北京时间）",
                "逾期时长", "确认收到");
        assertThat(mail.html()).contains(description, "江油市", "四川江油化工有限公司", "<table>");
        Matcher link = ACK_LINK.matcher(mail.text());
        assertThat(link.find()).as("acknowledgement link in %s", mail.text()).isTrue();
        UUID id = UUID.fromString(link.group(1));
        String token = link.group(2);

        // the link opens a page in Chinese and changes nothing
        String page = given().queryParam("token", token).get("/api/v1/notifications/{id}/acknowledgement", id)
                .then().statusCode(200).extract().asString();
        assertThat(page).contains("确认收到");
        // altered or expired: refused
        String altered = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
        given().queryParam("token", altered).post("/api/v1/notifications/{id}/acknowledgement", id).then().statusCode(403);
        given().queryParam("token", tokens.issue(id, Instant.now().minusSeconds(1))).post("/api/v1/notifications/{id}/acknowledgement", id)
                .then().statusCode(403).body("type", org.hamcrest.Matchers.endsWith("link-expired"));
        given().queryParam("token", token).post("/api/v1/notifications/{id}/acknowledgement", UUID.randomUUID()).then().statusCode(403);
        // works once, without logging in
        given().queryParam("token", token).post("/api/v1/notifications/{id}/acknowledgement", id)
                .then().statusCode(200).body("via", org.hamcrest.Matchers.is("LINK")).body("channel", org.hamcrest.Matchers.is("EMAIL"));
        given().queryParam("token", token).post("/api/v1/notifications/{id}/acknowledgement", id).then().statusCode(409);

        Map<String, Object> n = notifications(hazard.id).stream().filter(x -> id.toString().equals(x.get("id"))).findFirst().orElseThrow();
        assertThat(n.get("acknowledgedVia")).isEqualTo("LINK");
        assertThat(n.get("acknowledgedBy")).isEqualTo("ENTERPRISE/" + place.creditCode());
        TopicProbe probe = new TopicProbe(RectifyTestResources.BOOTSTRAP);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                probe.readAll(prefix + Topics.NOTIFICATION_EVENTS,
                                r -> "NotificationAcknowledged".equals(CloudEvent.nameOf(TopicProbe.header(r, CloudEvent.H_TYPE))))
                        .stream().map(r -> EventJson.read(r.value(), NotificationAcknowledged.class))
                        .filter(a -> a.notificationId().equals(id)).toList())
                .singleElement().satisfies(a -> {
                    assertThat(a.via()).isEqualTo("LINK");
                    assertThat(a.channel()).isEqualTo("EMAIL");
                    assertThat(a.hazardId()).isEqualTo(hazard.id);
                }));

        // the next repeat says the last reminder was acknowledged
        sweep.sweep(due.plusSeconds(10));
        Received repeat = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> lastTo(address), r -> r.isPresent() && r.get().subject().contains("仍未完成")).get();
        assertThat(repeat.text()).contains("上次提醒").contains("确认收到。").doesNotContain("尚未确认");
    }

    @Test
    void anEnglishContactGetsItInEnglishAndTheWebhookCarriesTitleAndText() {
        HazardStory.Place place = HazardStory.Place.fresh();
        Registry.register(em, place, "Jiangyou", "Jiangyou Chemicals Ltd");
        String address = "safety-" + place.countyCode() + "-" + System.nanoTime() + "@enterprise.example.com";
        putContact("ENTERPRISE", place.creditCode(), Map.of("name", "Safety officer", "email", address, "locale", "en"));
        Instant due = Instant.now().plus(Duration.ofDays(1));
        HazardStory hazard = new HazardStory(prefix, place, "GENERAL", due).describedAs("missing guard on conveyor C-2").reported();
        chaseAtVersion(hazard.id, 1);

        sweep.sweep(due.minusSeconds(5));
        Received mail = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> lastTo(address), Optional::isPresent).get();
        assertThat(mail.subject()).contains("Rectification due soon", "Jiangyou", "missing guard on conveyor C-2");
        assertThat(mail.text()).contains("Jiangyou Chemicals Ltd", "Due (Beijing time)", "Acknowledge").doesNotContain("隐患");
    }

    static Optional<Received> lastTo(String address) {
        return Arrays.stream(RectifyTestResources.mail().getReceivedMessages())
                .filter(m -> SupersededTest.sentTo(m, address)).reduce((a, b) -> b).map(MessagesTest::read);
    }

    static Received read(MimeMessage m) {
        try {
            Map<String, String> parts = new HashMap<>();
            collect(m.getContent(), m.getContentType(), parts);
            return new Received(m.getSubject(), parts.getOrDefault("text/plain", ""), parts.getOrDefault("text/html", ""));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(Object content, String type, Map<String, String> parts) throws Exception {
        if (content instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                collect(part.getContent(), part.getContentType(), parts);
            }
        } else if (content instanceof String s) {
            parts.put(type.toLowerCase().startsWith("text/html") ? "text/html" : "text/plain", s);
        }
    }

}
