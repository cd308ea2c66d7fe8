package io.rectify.notification.service;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.rectify.notification.domain.Channel;
import io.rectify.platform.tracing.TraceScope;
import io.rectify.platform.tracing.Traces;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Sends one claimed delivery through the sender of its channel, outside any transaction, in a span of the
 * notification's trace. It never throws: whatever goes wrong becomes a {@link DeliveryOutcome}.
 */
@ApplicationScoped
public class DeliverySends {

    @Inject
    @Any
    Instance<DeliveryChannel> channelBeans;

    @Inject
    Traces traces;

    /** Each channel's sender, by the channel it serves. */
    private final Map<Channel, DeliveryChannel> channels = new EnumMap<>(Channel.class);

    @PostConstruct
    void init() {
        channelBeans.forEach(c -> channels.put(c.channel(), c));
    }

    /** A send that throws counts as worth another attempt. Runs in a span of the notification's trace. */
    DeliveryOutcome sendSafely(DeliveryJob job) {
        try (TraceScope trace = traces.start("deliver " + job.channel(), SpanKind.CLIENT, job.traceparent(), Map.of(
                "hazardId", String.valueOf(job.hazardId()), "countyCode", String.valueOf(job.countyCode()),
                "notificationId", job.notificationId().toString(), "attempt", Integer.toString(job.attempt())))) {
            try {
                DeliveryOutcome outcome = send(job);
                trace.span().setAttribute("delivery.outcome", outcome.getClass().getSimpleName());
                return outcome;
            } catch (RuntimeException e) {
                trace.failed(e);
                return new DeliveryOutcome.Retryable(null, DeliveryOutcome.brief("send failed: " + e));
            }
        }
    }

    /**
     * Sends one claimed delivery without holding the caller's thread: a webhook with the non-blocking client
     * (in a span of the notification's trace that ends with the answer), any other channel by
     * {@link #sendSafely} on {@code blocking}. The future never fails: whatever goes wrong is an outcome.
     */
    CompletableFuture<DeliveryOutcome> sendAsync(DeliveryJob job, Executor blocking) {
        if (job.target() == null || !(channels.get(job.channel()) instanceof WebhookChannel webhook)) {
            return CompletableFuture.supplyAsync(() -> sendSafely(job), blocking);
        }
        Span span = traces.startDetached("deliver " + job.channel(), SpanKind.CLIENT, job.traceparent(), Map.of(
                "hazardId", String.valueOf(job.hazardId()), "countyCode", String.valueOf(job.countyCode()),
                "notificationId", job.notificationId().toString(), "attempt", Integer.toString(job.attempt())));
        CompletableFuture<DeliveryOutcome> sent;
        try (Scope ignored = span.makeCurrent()) {
            sent = webhook.sendAsync(job);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        return sent.handle((outcome, e) -> {
            if (e != null) {
                span.recordException(e);
                span.setStatus(StatusCode.ERROR, String.valueOf(e.getMessage()));
                outcome = new DeliveryOutcome.Retryable(null, DeliveryOutcome.brief("send failed: " + e));
            } else {
                span.setAttribute("delivery.outcome", outcome.getClass().getSimpleName());
            }
            span.end();
            return outcome;
        });
    }

    private DeliveryOutcome send(DeliveryJob job) {
        if (job.target() == null) {
            return new DeliveryOutcome.Refused(null, "the " + job.level() + " contact " + job.recipientRef() + " no longer has a " + job.channel() + " address");
        }
        DeliveryChannel channel = channels.get(job.channel());
        if (channel == null) {
            return new DeliveryOutcome.Refused(null, "no sender for channel " + job.channel());
        }
        return channel.send(job);
    }
}
