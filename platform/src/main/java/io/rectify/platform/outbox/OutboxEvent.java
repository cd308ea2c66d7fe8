package io.rectify.platform.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One event waiting to be (or already) published. Written in the same transaction as the state change
 * it describes; the column names follow Debezium's outbox convention so a later switch to CDC is
 * configuration. {@code id} is a sequence, so rows publish in commit-ish order per aggregate.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(name = "aggregatetype", nullable = false)
    public String aggregateType;

    @Column(name = "aggregateid", nullable = false)
    public String aggregateId;

    /** The CloudEvents type, e.g. {@code rectify.hazard.HazardReported.v1}. */
    @Column(name = "type", nullable = false)
    public String type;

    /** The logical topic (without the deployment's prefix). */
    @Column(nullable = false)
    public String topic;

    @Column(nullable = false, columnDefinition = "text")
    public String payload;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** The W3C trace context of the change that wrote the row; published as header {@code ce_traceparent}. */
    @Column(name = "traceparent")
    public String traceparent;
}
