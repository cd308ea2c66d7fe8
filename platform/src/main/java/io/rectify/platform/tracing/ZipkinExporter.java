package io.rectify.platform.tracing;

import io.opentelemetry.exporter.zipkin.ZipkinSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends spans to a Zipkin server (the local trace store of {@code deploy/local/rectify up --tracing})
 * instead of OTLP, when {@code rectify.tracing.exporter=zipkin}. Quarkus leaves its OTLP exporter out as
 * soon as a {@link SpanExporter} bean is there, so this one exists only when asked for.
 */
public class ZipkinExporter {

    @Produces
    @Singleton
    @LookupIfProperty(name = "rectify.tracing.exporter", stringValue = "zipkin")
    SpanExporter zipkin(@ConfigProperty(name = "rectify.tracing.zipkin-endpoint",
            defaultValue = "http://127.0.0.1:9411/api/v2/spans") String endpoint) {
        return ZipkinSpanExporter.builder().setSender(new ZipkinHttpSender(endpoint)).build();
    }
}
