package io.rectify.platform.inbox;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.rectify.contracts.CloudEvent;
import io.rectify.platform.tracing.TraceScope;
import io.rectify.platform.tracing.Traces;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The consumer's hop of a trace: a span continuing the {@code ce_traceparent} the producer's outbox relay
 * put on the record, with the event's ids in the logging MDC while the effect runs.
 */
final class ConsumerTraces {

    /** A batch continues its first record's trace and links at most this many others. */
    private static final int MAX_LINKS = 32;

    private ConsumerTraces() {
    }

    static TraceScope of(Traces traces, String consumer, ConsumerRecord<String, String> record) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("consumer", consumer);
        put(fields, "eventId", header(record, CloudEvent.H_ID));
        String type = header(record, CloudEvent.H_TYPE);
        put(fields, "eventType", type);
        // the subject is the aggregate id: for hazard events the hazard id, which operators search logs by
        put(fields, type != null && type.startsWith("rectify.hazard.") ? "hazardId" : "aggregateId", header(record, CloudEvent.H_SUBJECT));
        return traces.start(logical(record.topic()) + " process", SpanKind.CONSUMER, header(record, CloudEvent.H_TRACEPARENT), fields);
    }

    static TraceScope ofBatch(Traces traces, String consumer, List<ConsumerRecord<String, String>> records) {
        SpanContext parent = SpanContext.getInvalid();
        List<SpanContext> links = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            SpanContext context = Traces.parse(header(record, CloudEvent.H_TRACEPARENT));
            if (!context.isValid()) {
                continue;
            }
            if (!parent.isValid()) {
                parent = context;
            } else if (links.size() < MAX_LINKS && !context.getTraceId().equals(parent.getTraceId())) {
                links.add(context);
            }
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("consumer", consumer);
        fields.put("batchSize", Integer.toString(records.size()));
        String topic = records.isEmpty() ? "batch" : logical(records.get(0).topic());
        return traces.start(topic + " process", SpanKind.CONSUMER, parent, links, fields);
    }

    /** The topic without the deployment's prefix: span names stay few (tests give every run its own prefix). */
    private static String logical(String topic) {
        String prefix = ConfigProvider.getConfig().getOptionalValue("rectify.kafka.topic-prefix", String.class).orElse("");
        return !prefix.isEmpty() && topic.startsWith(prefix) ? topic.substring(prefix.length()) : topic;
    }

    private static void put(Map<String, String> fields, String key, String value) {
        if (value != null) {
            fields.put(key, value);
        }
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
