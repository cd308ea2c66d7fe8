package io.rectify.scenarios.data;

import io.rectify.contracts.CloudEvent;
import io.rectify.contracts.EventJson;
import io.rectify.contracts.EventPayload;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;

import java.util.Map;

/** One generated event as a producer would send it: CloudEvents attributes, key = aggregate id, JSON value. */
public record GeneratedEvent(CloudEvent attributes, String key, String json) {

    public static GeneratedEvent of(CloudEvent attributes, EventPayload payload) {
        return new GeneratedEvent(attributes, payload.aggregateId(), EventJson.write(payload));
    }

    /** The Kafka record in CloudEvents binary mode (the {@code ce_*} headers). */
    public ProducerRecord<String, String> toRecord(String topic) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
        for (Map.Entry<String, byte[]> h : attributes.headers().entrySet()) {
            record.headers().add(new RecordHeader(h.getKey(), h.getValue()));
        }
        return record;
    }
}
