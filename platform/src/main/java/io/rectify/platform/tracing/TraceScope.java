package io.rectify.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import org.jboss.logging.MDC;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A span made current for a piece of work, with its ids and the work's business ids (event, hazard,
 * county) in the logging MDC, so JSON log lines of that work carry them. Closing it ends the span and
 * puts the MDC back as it was.
 */
public final class TraceScope implements AutoCloseable {

    private final Span span;
    private final Scope scope;
    private final Map<String, Object> previous = new HashMap<>();

    TraceScope(Span span, Map<String, String> fields) {
        this.span = span;
        this.scope = span.makeCurrent();
        Map<String, String> mdc = new LinkedHashMap<>(fields);
        if (span.getSpanContext().isValid()) {
            mdc.put("traceId", span.getSpanContext().getTraceId());
            mdc.put("spanId", span.getSpanContext().getSpanId());
        }
        mdc.forEach((key, value) -> previous.put(key, MDC.put(key, value)));
    }

    public Span span() {
        return span;
    }

    /** The {@code traceparent} of this span (to hand on to the next hop). */
    public String traceparent() {
        return Traces.format(span.getSpanContext());
    }

    /** Marks the span failed; the exception goes on to the caller. */
    public void failed(Throwable e) {
        span.recordException(e);
        span.setStatus(StatusCode.ERROR, String.valueOf(e.getMessage()));
    }

    @Override
    public void close() {
        previous.forEach((key, value) -> {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        });
        scope.close();
        span.end();
    }
}
