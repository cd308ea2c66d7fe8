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

/** The chase of one hazard: the latest snapshot seen and the progress along the ladder for its due date. */
@Entity
@Table(name = "chase")
public class Chase extends PanacheEntityBase {

    @Id
    @Column(name = "hazard_id")
    public UUID hazardId;

    @Column(name = "county_code", nullable = false)
    public String countyCode;

    public String city;

    public String province;

    @Column(name = "enterprise_credit_code")
    public String enterpriseCreditCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Grade grade;

    @Column(name = "hazard_status", nullable = false)
    public String hazardStatus;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ChaseStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "escalation_level", nullable = false)
    public EscalationLevel escalationLevel;

    @Column(name = "due_soon_sent")
    public int dueSoonSent;

    @Column(name = "overdue_sent")
    public boolean overdueSent;

    @Column(name = "repeats_sent")
    public int repeatsSent;

    @Column(name = "last_overdue_notice_at")
    public Instant lastOverdueNoticeAt;

    @Column(name = "resumed_at")
    public Instant resumedAt;

    @Column(name = "next_step_at")
    public Instant nextStepAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "snapshot_version", nullable = false)
    public long snapshotVersion;

    @Column(nullable = false, columnDefinition = "text")
    public String snapshot;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The W3C trace context of the hazard event that last changed the chase: its steps continue that trace. */
    public String traceparent;

    public ChaseState state() {
        return new ChaseState(grade, dueAt, status, escalationLevel, dueSoonSent, overdueSent, repeatsSent,
                lastOverdueNoticeAt, resumedAt);
    }

    public void setState(ChaseState s) {
        grade = s.grade();
        dueAt = s.dueAt();
        status = s.status();
        escalationLevel = s.level();
        dueSoonSent = s.dueSoonSent();
        overdueSent = s.overdueSent();
        repeatsSent = s.repeatsSent();
        lastOverdueNoticeAt = s.lastOverdueNoticeAt();
        resumedAt = s.resumedAt();
    }

    /** Overdue in the domain's sense: past the due date in force while the chase runs (OPEN or RECTIFYING). */
    public boolean isOverdue(Instant now) {
        return status == ChaseStatus.ACTIVE && !now.isBefore(dueAt);
    }
}
