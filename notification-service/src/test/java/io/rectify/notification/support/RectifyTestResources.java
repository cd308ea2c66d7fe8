package io.rectify.notification.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.rectify.contracts.Topics;
import io.rectify.platform.testing.TopicProbe;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.UUID;

/**
 * What the tests need besides PostgreSQL and Kafka: a real SMTP server on loopback (GreenMail, on a free
 * port handed to the mailer), and this run's own topics, created before the application subscribes so the
 * consumer is assigned its partitions at once.
 */
public class RectifyTestResources implements QuarkusTestResourceLifecycleManager {

    public static final String BOOTSTRAP = "127.0.0.1:9092";
    private static volatile GreenMail mail;
    private static volatile StallingSmtpProxy smtpProxy;
    private static volatile SmsGateway smsGateway;
    private static volatile String prefix;

    @Override
    public Map<String, String> start() {
        int port = freePort();
        mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        try {
            smtpProxy = new StallingSmtpProxy(port);
            smsGateway = new SmsGateway();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        prefix = "test-" + UUID.randomUUID() + ".";
        TopicProbe probe = new TopicProbe(BOOTSTRAP);
        probe.createTopic(prefix + Topics.HAZARD_EVENTS, Topics.PARTITIONS);
        probe.createTopic(prefix + Topics.NOTIFICATION_EVENTS, Topics.PARTITIONS);
        probe.createTopic(prefix + Topics.deadLetter(Topics.HAZARD_EVENTS, "notification"), 1);
        probe.createTopic(prefix + Topics.INSPECTION_EVENTS, Topics.PARTITIONS);
        probe.createTopic(prefix + Topics.deadLetter(Topics.INSPECTION_EVENTS, "notification"), 1);
        return Map.of(
                "rectify.chasing.sms.url", smsGateway.url(),
                "rectify.chasing.sms.access-key-secret", SmsGateway.ACCESS_KEY_SECRET,
                "quarkus.mailer.host", "127.0.0.1",
                // mail goes through the proxy, which passes it on to GreenMail unless a test makes it stall
                "quarkus.mailer.port", Integer.toString(smtpProxy.port()),
                "rectify.kafka.topic-prefix", prefix);
    }

    @Override
    public void stop() {
        if (smtpProxy != null) {
            smtpProxy.close();
        }
        if (smsGateway != null) {
            smsGateway.close();
        }
        if (mail != null) {
            mail.stop();
        }
    }

    public static GreenMail mail() {
        return mail;
    }

    public static StallingSmtpProxy smtpProxy() {
        return smtpProxy;
    }

    public static SmsGateway smsGateway() {
        return smsGateway;
    }

    public static String prefix() {
        return prefix;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
