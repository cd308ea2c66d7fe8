package io.rectify.notification.service;

import io.rectify.contracts.notification.WebhookSignature;
import com.fasterxml.jackson.core.JsonGenerator;
import io.rectify.contracts.EventJson;
import io.rectify.notification.config.ChasingConfig;
import io.rectify.notification.domain.Channel;
import io.rectify.notification.message.ReminderTexts;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import io.rectify.platform.tracing.Traces;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * Posts a notification to a contact's webhook, signed with its secret. 2xx is delivered, 4xx refused
 * (not retried), 5xx, timeouts and connection failures are worth another attempt.
 *
 * <p>The delivery loops send asynchronously ({@link #sendAsync}: Vert.x's non-blocking HTTP client, kept-alive
 * connections, at most {@code concurrency} of them): no thread waits for an answer, so many sends are in flight
 * at once at a fraction of the CPU a blocking send costs. {@link #send} (blocking) remains for callers that
 * want one answer now.
 */
@ApplicationScoped
public class WebhookChannel implements DeliveryChannel {

    @Inject
    ChasingConfig config;

    @Inject
    ReminderTexts texts;

    @Inject
    Vertx vertx;

    private HttpClient client;

    private io.vertx.core.http.HttpClient asyncClient;

    @PostConstruct
    void init() {
        client = HttpClient.newBuilder()
                .connectTimeout(config.delivery().webhookTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        // redirects are not followed (Vert.x's default), as with the blocking client
        asyncClient = vertx.createHttpClient(new HttpClientOptions()
                        .setConnectTimeout((int) config.delivery().webhookTimeout().toMillis())
                        .setKeepAlive(true)
                        .setIdleTimeout(60),
                new PoolOptions().setHttp1MaxSize(config.delivery().concurrency()));
    }

    /**
     * Sends one attempt without blocking: the body is built and signed on the caller's thread (in the caller's
     * trace, whose {@code traceparent} the request carries), the answer completes the future. Never fails:
     * whatever goes wrong is a {@link DeliveryOutcome}, classified as {@link #send} does.
     */
    public CompletableFuture<DeliveryOutcome> sendAsync(DeliveryJob job) {
        RequestOptions request;
        byte[] body;
        try {
            URI uri = URI.create(job.target());
            if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("invalid URI scheme or host: " + job.target());
            }
            body = body(job, Instant.now());
            request = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(uri.toString())
                    .setFollowRedirects(false)
                    .setTimeout(config.delivery().webhookTimeout().toMillis())
                    .putHeader("Content-Type", "application/json")
                    .putHeader(WebhookSignature.DELIVERY_HEADER, job.notificationId().toString());
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new DeliveryOutcome.Refused(null, DeliveryOutcome.brief("unusable webhook URL: " + e.getMessage())));
        }
        String traceparent = Traces.current();
        if (traceparent != null) {
            request.putHeader("traceparent", traceparent);
        }
        if (job.secret() != null && !job.secret().isEmpty()) {
            request.putHeader(WebhookSignature.HEADER, WebhookSignature.sign(body, job.secret()));
        }
        CompletableFuture<DeliveryOutcome> outcome = new CompletableFuture<>();
        asyncClient.request(request)
                .compose(r -> r.send(Buffer.buffer(body)))
                .compose(response -> response.body().map(b -> outcomeOf(response.statusCode(), b.toString(StandardCharsets.UTF_8))))
                .onComplete(done -> outcome.complete(done.succeeded() ? done.result() : failureOf(done.cause())));
        return outcome;
    }

    private static DeliveryOutcome outcomeOf(int status, String answer) {
        String detail = "HTTP " + status;
        if (status >= 200 && status < 300) {
            return new DeliveryOutcome.Delivered(status, detail);
        }
        if (status >= 400 && status < 500) {
            return new DeliveryOutcome.Refused(status, detail + ": " + DeliveryOutcome.brief(answer));
        }
        return new DeliveryOutcome.Retryable(status, detail);
    }

    private DeliveryOutcome failureOf(Throwable e) {
        if (e instanceof TimeoutException || e instanceof io.netty.channel.ConnectTimeoutException) {
            return new DeliveryOutcome.Retryable(null, "timeout after " + config.delivery().webhookTimeout());
        }
        return new DeliveryOutcome.Retryable(null, DeliveryOutcome.brief("connection failed: " + e));
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public DeliveryOutcome send(DeliveryJob job) {
        byte[] body = body(job, Instant.now());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(job.target()))
                .timeout(config.delivery().webhookTimeout())
                .header("Content-Type", "application/json")
                .header(WebhookSignature.DELIVERY_HEADER, job.notificationId().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        String traceparent = Traces.current();
        if (traceparent != null) {
            request.header("traceparent", traceparent); // the receiver may continue the trace (W3C Trace Context)
        }
        if (job.secret() != null && !job.secret().isEmpty()) {
            request.header(WebhookSignature.HEADER, WebhookSignature.sign(body, job.secret()));
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            String detail = "HTTP " + status;
            if (status >= 200 && status < 300) {
                return new DeliveryOutcome.Delivered(status, detail);
            }
            if (status >= 400 && status < 500) {
                return new DeliveryOutcome.Refused(status, detail + ": " + DeliveryOutcome.brief(response.body()));
            }
            return new DeliveryOutcome.Retryable(status, detail);
        } catch (HttpTimeoutException e) {
            return new DeliveryOutcome.Retryable(null, "timeout after " + config.delivery().webhookTimeout());
        } catch (IOException e) {
            return new DeliveryOutcome.Retryable(null, DeliveryOutcome.brief("connection failed: " + e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryOutcome.Retryable(null, "interrupted");
        } catch (IllegalArgumentException e) {
            return new DeliveryOutcome.Refused(null, DeliveryOutcome.brief("unusable webhook URL: " + e.getMessage()));
        }
    }

    /** The body of {@code job}'s webhook, its message put together once for both {@code title} and {@code text}. */
    private byte[] body(DeliveryJob job, Instant sentAt) {
        ReminderTexts.View view = texts.view(job.reminder());
        return body(job, view, texts.text(view, job.reminder().locale()), sentAt);
    }

    /**
     * {@code {notificationId, hazardId, step, level, hazard{…snapshot}, sentAt}} plus sequence and due date, and
     * for the people behind the receiving system {@code locale}, {@code title}, {@code text} (in the contact's
     * language) and {@code acknowledgementUrl}.
     */
    static byte[] body(DeliveryJob job, ReminderTexts.View view, String text, Instant sentAt) {
        // written straight to bytes, the stored snapshot copied in as it is (this service wrote it as JSON):
        // no tree of it parsed and written again per delivery (bench P4)
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024 + job.hazardSnapshot().length());
        try (JsonGenerator json = EventJson.mapper().getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("notificationId", job.notificationId().toString());
            json.writeStringField("hazardId", job.hazardId().toString());
            json.writeStringField("step", job.step().name());
            json.writeNumberField("sequence", job.sequence());
            json.writeStringField("level", job.level().name());
            json.writeStringField("recipientRef", job.recipientRef());
            json.writeStringField("dueAt", job.dueAt().toString());
            json.writeFieldName("hazard");
            json.writeRawValue(job.hazardSnapshot());
            json.writeStringField("locale", job.reminder().locale().toLanguageTag());
            json.writeStringField("title", view.subject());
            json.writeStringField("text", text);
            json.writeStringField("acknowledgementUrl", job.reminder().acknowledgementLink());
            json.writeStringField("sentAt", sentAt.toString());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory
        }
        return out.toByteArray();
    }
}
