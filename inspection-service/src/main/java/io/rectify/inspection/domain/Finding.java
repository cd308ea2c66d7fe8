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
import org.hibernate.annotations.BatchSize;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A problem an expert found during an inspection. Editable and withdrawable while the inspection is in
 * progress; on completion every finding not withdrawn is confirmed and becomes a hazard downstream.
 * Concurrency is guarded by the inspection's row lock and version, not by a version of its own.
 */
@Entity
@Table(name = "finding")
public class Finding extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "inspection_id", nullable = false)
    public UUID inspectionId;

    @Column(name = "key_task", nullable = false)
    public String keyTask;

    /** The key task's version when the finding was recorded (or last edited). */
    @Column(name = "key_task_version", nullable = false)
    public int keyTaskVersion = 1;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Grade grade;

    @Column(name = "major_criterion")
    public String majorCriterion;

    @Column(nullable = false)
    public String description;

    public String location;

    @Column(name = "recommended_measure")
    public String recommendedMeasure;

    @Column(name = "rectification_days", nullable = false)
    public int rectificationDays;

    @ElementCollection
    @CollectionTable(name = "finding_evidence", joinColumns = @JoinColumn(name = "finding_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 100)
    public List<Evidence> evidence = new ArrayList<>();

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    public boolean withdrawn() {
        return withdrawnAt != null;
    }

    /** Takes over an accepted draft (recording and editing alike). */
    public void apply(FindingDraft draft, Instant at) {
        keyTask = draft.keyTask();
        keyTaskVersion = KeyTask.versionOf(draft.keyTask());
        grade = draft.grade();
        majorCriterion = draft.majorCriterion();
        description = draft.description();
        location = draft.location();
        recommendedMeasure = draft.recommendedMeasure();
        rectificationDays = draft.rectificationDays();
        evidence.clear();
        evidence.addAll(draft.evidence());
        updatedAt = at;
    }

    /** The findings of an inspection that count: not withdrawn, in the order they were recorded. */
    public static List<Finding> activeOf(UUID inspectionId) {
        return list("inspectionId = ?1 and withdrawnAt is null order by recordedAt, id", inspectionId);
    }
}
