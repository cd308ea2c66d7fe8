package io.rectify.platform.support;

import io.rectify.contracts.EventPayload;

/** A test-only event: widget {@code widget} reached step {@code seq}; {@code poison} makes the consumer fail. */
public record WidgetRecorded(String widget, int seq, boolean poison) implements EventPayload {

    public static final String TOPIC = "widget.events";

    @Override
    public String domain() {
        return "test";
    }

    @Override
    public String aggregateId() {
        return widget;
    }
}
