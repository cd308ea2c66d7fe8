package io.rectify.contracts;

/**
 * A payload of one of Rectify's events. The event name is the simple class name, and the CloudEvents
 * type is {@code rectify.<domain>.<Name>.v1}.
 */
public interface EventPayload {

    /** The producing domain: {@code inspection}, {@code hazard}, {@code scoring} or {@code notification}
     * ({@code audit} for the checkpoints every service publishes). */
    String domain();

    /** The aggregate id: the record key and the CloudEvents subject. */
    String aggregateId();

    default String eventName() {
        return getClass().getSimpleName();
    }

    default String cloudEventType() {
        return CloudEvent.typeOf(domain(), eventName());
    }
}
