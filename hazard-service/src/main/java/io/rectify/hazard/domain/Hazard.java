package io.rectify.hazard.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.ColumnTransformer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One hazard, tracked from its report until it is signed off (一事一结). The JPA version is the ETag
 * and grows with every change, so every event's snapshot carries a higher version than the last.
 */
@Entity
@Table(name = "hazard")
public class Hazard extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public HazardSource source;

    @Column(name = "finding_id", unique = true)
    public UUID findingId;

    @Column(name = "inspection_id")
    public UUID inspectionId;

    @Column(name = "enterprise_credit_code", nullable = false)
    public String enterpriseCreditCode;

    @Column(name = "county_code", nullable = false)
    public String countyCode;

    @Column(name = "key_task", nullable = false)
    public String keyTask;

    /** The key task's version the finding was recorded under; null for reports (no versioned catalogue behind them). */
    @Column(name = "key_task_version")
    public Integer keyTaskVersion;

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

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public HazardStatus status;

    @Column(name = "reported_at", nullable = false)
    public Instant reportedAt;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "supervision_level")
    public SupervisionLevel supervisionLevel;

    // --- the five assurances (五落实) of the latest plan
    @Column(name = "plan_responsible_person")
    public String planResponsiblePerson;

    @Column(name = "plan_measures")
    public String planMeasures;

    @Column(name = "plan_funding_cny")
    public BigDecimal planFundingCny;

    @Column(name = "plan_deadline")
    public LocalDate planDeadline;

    @Column(name = "plan_contingency_plan")
    public String planContingencyPlan;

    @Column(name = "plan_submitted_at")
    public Instant planSubmittedAt;

    // --- the latest rectification
    @Column(name = "rectification_description")
    public String rectificationDescription;

    /** JSON array of evidence ({@code kind, uri, sha256}). */
    @Column(name = "rectification_evidence", columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String rectificationEvidence;

    @Column(name = "rectification_submitted_at")
    public Instant rectificationSubmittedAt;

    /** JSON array of the finding's evidence references, as FindingConfirmed carried them. */
    @Column(name = "finding_evidence", columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String findingEvidence;

    /** The fraud signals of the latest rectification's evidence, comma-separated ({@code EvidenceWarning}); null when none. */
    @Column(name = "evidence_warnings")
    public String evidenceWarnings;

    @Column(name = "verified_at")
    public Instant verifiedAt;

    @Column(nullable = false)
    public int rejections;

    @Column(nullable = false)
    public int extensions;

    @Column(nullable = false)
    public int reopenings;

    @Column(name = "signed_off_at")
    public Instant signedOffAt;

    /** The due date for which HazardOverdue was emitted: once per due date, across restarts and instances. */
    @Column(name = "overdue_notified_due_at")
    public Instant overdueNotifiedDueAt;

    @Version
    @Column(nullable = false)
    public long version;

    /** Overdue: past the due date while the enterprise owes work (the clock stops while verification is pending). */
    public boolean overdueAt(Instant now) {
        return status.clockRunning() && now.isAfter(dueAt);
    }

    public boolean hasPlan() {
        return planSubmittedAt != null;
    }
}
