package io.rectify.platform.inbox;

import io.rectify.contracts.CloudEvent;
import io.rectify.contracts.EventJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A consumed record in CloudEvents binary mode: its attributes from the headers and its JSON value.
 * A record without valid attributes or value is poison: {@link #of} throws and the channel's
 * dead-letter strategy parks it.
 */
public record IncomingEvent(CloudEvent attributes, String key, String json, String topic, int partition, long offset) {

    public static IncomingEvent of(ConsumerRecord<String, String> record) {
        Map<String, byte[]> headers = new HashMap<>();
        for (Header h : record.headers()) {
            headers.put(h.key(), h.value());
        }
        CloudEvent attributes = CloudEvent.fromHeaders(headers);
        if (record.value() == null || record.value().isBlank()) {
            throw new IllegalArgumentException("record " + record.topic() + "/" + record.partition() + "@" + record.offset() + " has no value");
        }
        return new IncomingEvent(attributes, record.key(), record.value(), record.topic(), record.partition(), record.offset());
    }

    public UUID id() {
        return attributes.id();
    }

    /** The event name, e.g. {@code HazardReported}. */
    public String name() {
        return CloudEvent.nameOf(attributes.type());
    }

    public <T> T payload(Class<T> type) {
        return EventJson.read(json, type);
    }
}
