package io.rectify.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;

/**
 * The W3C trace context across the outbox: a state change stores the {@code traceparent} of the span it
 * ran in with its outbox row ({@link #current()}), the relay publishes it as the CloudEvents
 * {@code traceparent} extension, and a consumer continues it ({@link #start}). When the OpenTelemetry SDK
 * is off ({@code quarkus.otel.sdk.disabled}, the default) the tracer is a no-op that still hands an
 * incoming context on unchanged, so the identifiers survive every hop and nothing is recorded or exported.
 */
@ApplicationScoped
public class Traces {

    private static final TextMapGetter<String> TRACEPARENT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of("traceparent");
        }

        @Override
        public String get(String carrier, String key) {
            return "traceparent".equals(key) ? carrier : null;
        }
    };

    @Inject
    Tracer tracer;

    /** The {@code traceparent} of the current span, or {@code null} when there is none. */
    public static String current() {
        return format(Span.current().getSpanContext());
    }

    /** {@code 00-<trace id>-<span id>-<flags>}, or {@code null} for an invalid context. */
    public static String format(SpanContext context) {
        if (context == null || !context.isValid()) {
            return null;
        }
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex();
    }

    /** A remote span context from a {@code traceparent} value; invalid when the value is absent or malformed. */
    public static SpanContext parse(String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return SpanContext.getInvalid();
        }
        Context extracted = W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent.trim(), TRACEPARENT);
        return Span.fromContext(extracted).getSpanContext();
    }

    /**
     * Starts a span that continues {@code traceparent} (a new trace when there is none), makes it current
     * and puts its ids and {@code fields} in the logging MDC until the returned scope is closed.
     */
    public TraceScope start(String name, SpanKind kind, String traceparent, Map<String, String> fields) {
        return start(name, kind, parse(traceparent), List.of(), fields);
    }

    /**
     * As {@link #start(String, SpanKind, String, Map)} with a parsed parent and links to further contexts
     * (a batch of records continues the first record's trace and links the others').
     */
    public TraceScope start(String name, SpanKind kind, SpanContext parent, List<SpanContext> links, Map<String, String> fields) {
        SpanBuilder builder = tracer.spanBuilder(name).setSpanKind(kind)
                .setParent(parent.isValid() ? Context.root().with(Span.wrap(parent)) : Context.root());
        for (SpanContext link : links) {
            if (link.isValid()) {
                builder.addLink(link);
            }
        }
        fields.forEach(builder::setAttribute);
        return new TraceScope(builder.startSpan(), fields);
    }

    /** Starts a span without making it current (a record handed to the broker). */
    public Span startDetached(String name, SpanKind kind, String traceparent, Map<String, String> attributes) {
        SpanContext parent = parse(traceparent);
        SpanBuilder builder = tracer.spanBuilder(name).setSpanKind(kind)
                .setParent(parent.isValid() ? Context.root().with(Span.wrap(parent)) : Context.root());
        attributes.forEach(builder::setAttribute);
        return builder.startSpan();
    }
}
