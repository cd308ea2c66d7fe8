package io.rectify.scoring.support;

import io.rectify.contracts.CloudEvent;
import io.rectify.contracts.EventJson;
import io.rectify.contracts.EventPayload;
import io.rectify.contracts.Topics;
import io.rectify.platform.testing.TopicProbe;

import java.time.Instant;
import java.util.UUID;

/** Plays inspection-service and hazard-service: publishes their events on this run's topics, as their outbox relays would. */
public final class Upstream {

    public static final String BOOTSTRAP = "127.0.0.1:9092";

    private final TopicProbe probe = new TopicProbe(BOOTSTRAP);
    private final String prefix;

    public Upstream(String prefix) {
        this.prefix = prefix;
    }

    public TopicProbe probe() {
        return probe;
    }

    public String topic(String name) {
        return prefix + name;
    }

    public UUID publish(EventPayload payload) {
        return publish(payload, UUID.randomUUID());
    }

    /** With a given event id: the same id twice is a redelivery. */
    public UUID publish(EventPayload payload, UUID eventId) {
        String topic = topic("hazard".equals(payload.domain()) ? Topics.HAZARD_EVENTS : Topics.INSPECTION_EVENTS);
        CloudEvent attributes = new CloudEvent(eventId, payload.cloudEventType(), "/" + payload.domain() + "-service",
                payload.aggregateId(), Instant.now());
        probe.publish(topic, payload.aggregateId(), attributes, EventJson.write(payload));
        return eventId;
    }
}
