package io.rectify.notification.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rectify.contracts.EventJson;
import io.rectify.contracts.notification.WebhookSignature;
import io.rectify.notification.config.ChasingConfig;
import io.rectify.notification.domain.Channel;
import io.rectify.notification.message.ReminderTexts;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Sends a short message through an HTTP SMS gateway in the shape most Chinese providers share: a POST with
 * the phone number, the approved signature ({@code signName}), the approved template ({@code templateCode})
 * and its parameters as a JSON string ({@code templateParam}), plus {@code outId} (the notification id) so
 * the provider drops a repeated attempt. The request carries the access key id and an HMAC-SHA256 signature
 * of the body with the access key secret.
 *
 * <p>2xx with {@code code: OK} is delivered; a provider's flow-control answer ({@code …LIMIT…}, {@code …BUSY…}),
 * 5xx, timeouts and connection failures are retried; other refusals (4xx, a bad number) are not.
 */
@ApplicationScoped
public class SmsChannel implements DeliveryChannel {

    public static final String ACCESS_KEY_HEADER = "X-Sms-Access-Key";
    public static final String SIGNATURE_HEADER = "X-Sms-Signature";

    @Inject
    ChasingConfig config;

    @Inject
    ReminderTexts texts;

    private HttpClient client;

    @PostConstruct
    void init() {
        client = HttpClient.newBuilder().connectTimeout(config.delivery().webhookTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public DeliveryOutcome send(DeliveryJob job) {
        if (config.sms().url().isEmpty()) {
            return new DeliveryOutcome.Refused(null, "no SMS gateway configured (rectify.chasing.sms.url)");
        }
        byte[] body = body(job);
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.sms().url().get()))
                .timeout(config.delivery().webhookTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header(ACCESS_KEY_HEADER, config.sms().accessKeyId())
                .header(SIGNATURE_HEADER, WebhookSignature.sign(body, config.sms().accessKeySecret()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return outcome(response.statusCode(), response.body());
        } catch (HttpTimeoutException e) {
            return new DeliveryOutcome.Retryable(null, "SMS gateway timeout after " + config.delivery().webhookTimeout());
        } catch (IOException e) {
            return new DeliveryOutcome.Retryable(null, DeliveryOutcome.brief("SMS gateway connection failed: " + e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryOutcome.Retryable(null, "interrupted");
        } catch (IllegalArgumentException e) {
            return new DeliveryOutcome.Refused(null, DeliveryOutcome.brief("unusable SMS gateway URL: " + e.getMessage()));
        }
    }

    static DeliveryOutcome outcome(int status, String body) {
        String detail = "HTTP " + status;
        if (status >= 500) {
            return new DeliveryOutcome.Retryable(status, detail);
        }
        if (status < 200 || status >= 300) {
            return new DeliveryOutcome.Refused(status, detail + ": " + DeliveryOutcome.brief(body));
        }
        String code;
        try {
            JsonNode json = EventJson.mapper().readTree(body == null ? "" : body);
            code = json == null ? "" : json.path("code").asText(json.path("Code").asText(""));
        } catch (IOException e) {
            return new DeliveryOutcome.Retryable(status, DeliveryOutcome.brief("unreadable gateway answer: " + body));
        }
        if ("OK".equalsIgnoreCase(code)) {
            return new DeliveryOutcome.Delivered(status, detail + " OK");
        }
        String upper = code.toUpperCase(java.util.Locale.ROOT);
        if (upper.contains("LIMIT") || upper.contains("BUSY") || upper.contains("THROTTL")) {
            return new DeliveryOutcome.Retryable(status, detail + " " + code);
        }
        return new DeliveryOutcome.Refused(status, DeliveryOutcome.brief(detail + " " + code + ": " + body));
    }

    byte[] body(DeliveryJob job) {
        ObjectNode json = EventJson.mapper().createObjectNode();
        json.put("phoneNumbers", job.target());
        json.put("signName", config.sms().signName());
        json.put("templateCode", config.sms().templateCode());
        json.put("templateParam", EventJson.write(texts.smsParameters(job.reminder())));
        json.put("outId", job.notificationId().toString());
        return EventJson.write(json).getBytes(StandardCharsets.UTF_8);
    }
}
