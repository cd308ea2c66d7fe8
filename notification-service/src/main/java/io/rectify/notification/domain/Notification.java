package io.rectify.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One reminder or escalation for one recipient level and channel. Inserted by the sweep under its unique
 * key (hazard, due date, step, sequence, level, channel), delivered afterwards by the dispatcher.
 */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Insertion order: the order the ladder produced the notifications in. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "hazard_id", nullable = false)
    public UUID hazardId;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Step step;

    @Column(nullable = false)
    public int sequence;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RecipientLevel level;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Column(name = "recipient_ref", nullable = false)
    public String recipientRef;

    /** The email address or webhook URL it went to (never a secret). */
    public String recipient;

    @Column(name = "county_code", nullable = false)
    public String countyCode;

    public String city;

    public String province;

    @Column(name = "enterprise_credit_code")
    public String enterpriseCreditCode;

    @Column(nullable = false)
    public String grade;

    @Column(name = "step_at", nullable = false)
    public Instant stepAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NotificationStatus status;

    @Column(name = "failure_reason")
    public String failureReason;

    @Column(name = "failure_detail")
    public String failureDetail;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "hazard_snapshot", nullable = false, columnDefinition = "text")
    public String hazardSnapshot;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The trace the notification was recorded in (its chase's); delivery and its events continue it. */
    public String traceparent;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    /** LINK (the signed link in the message) or API (an authenticated call). */
    @Column(name = "acknowledged_via")
    public String acknowledgedVia;

    /** The later step (or CHASE_PAUSED, CHASE_CLOSED, DEADLINE_EXTENDED) that withdrew it before delivery. */
    @Column(name = "superseded_by")
    public String supersededBy;

    @Column(name = "superseded_at")
    public Instant supersededAt;

    /** The daily digest it was sent in, for a HELD reminder. */
    @Column(name = "digest_id")
    public UUID digestId;
}
