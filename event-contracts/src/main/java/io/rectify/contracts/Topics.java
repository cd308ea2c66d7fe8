package io.rectify.contracts;

/** The four Kafka topics of Rectify (contracts.md), and the naming rule of their dead-letter topics. */
public final class Topics {
    public static final String INSPECTION_EVENTS = "inspection.events";
    public static final String HAZARD_EVENTS = "hazard.events";
    public static final String COUNTY_INDEX = "county.index";
    public static final String NOTIFICATION_EVENTS = "notification.events";
    /** Signed checkpoints of every service's audit trails (kept forever; no Rectify service consumes it). */
    public static final String AUDIT_CHECKPOINTS = "audit.checkpoints";

    /** Partitions of every topic: the ceiling on consumers per group. */
    public static final int PARTITIONS = 6;

    private Topics() {
    }

    /** {@code <topic>.<consumer>.dlq}: where a consumer parks records it cannot process. */
    public static String deadLetter(String topic, String consumer) {
        return topic + "." + consumer + ".dlq";
    }
}
