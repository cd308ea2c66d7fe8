package io.rectify.inspection.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An expert guidance visit to one enterprise on one day. Its findings and consents are separate rows
 * (see {@link Finding}, {@link Consent}); every change to them touches the inspection so its version —
 * the ETag clients see — moves with them.
 */
@Entity
@Table(name = "inspection")
public class Inspection extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "campaign_id")
    public UUID campaignId;

    @Column(name = "enterprise_credit_code", nullable = false)
    public String enterpriseCreditCode;

    @Column(name = "county_code", nullable = false)
    public String countyCode;

    @ElementCollection
    @CollectionTable(name = "inspection_expert", joinColumns = @JoinColumn(name = "inspection_id"))
    @OrderColumn(name = "position")
    @Column(name = "expert_id", nullable = false)
    @BatchSize(size = 100)
    public List<UUID> expertIds = new ArrayList<>();

    @Column(name = "scheduled_on", nullable = false)
    public LocalDate scheduledOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InspectionMode mode;

    @ElementCollection
    @CollectionTable(name = "inspection_key_task", joinColumns = @JoinColumn(name = "inspection_id"))
    @OrderColumn(name = "position")
    @Column(name = "key_task", nullable = false)
    @BatchSize(size = 100)
    public List<String> keyTasks = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InspectionStatus status;

    public String summary;

    @Column(name = "scheduled_by", nullable = false)
    public String scheduledBy;

    @Column(name = "scheduled_at", nullable = false)
    public Instant scheduledAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "cancel_reason")
    public String cancelReason;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /**
     * Applies a lifecycle action and marks the inspection changed, which moves its version.
     *
     * @throws TransitionRefusedException when the status does not allow it
     */
    public void apply(InspectionAction action, Instant at) {
        status = InspectionLifecycle.next(status, action);
        updatedAt = at;
    }

    public List<String> allowedActions() {
        return InspectionLifecycle.allowedActions(status);
    }
}
