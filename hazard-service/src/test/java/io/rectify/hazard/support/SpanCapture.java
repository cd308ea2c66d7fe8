package io.rectify.hazard.support;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Collects the spans the service exports, for the tests that check traces (their profile turns the
 * OpenTelemetry SDK on; everywhere else it stays off). Being a span exporter, it also keeps Quarkus from
 * exporting over OTLP during tests.
 */
public class SpanCapture {

    @Produces
    @Singleton
    InMemorySpanExporter spans() {
        return InMemorySpanExporter.create();
    }
}
