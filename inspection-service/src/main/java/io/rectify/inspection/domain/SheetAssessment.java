package io.rectify.inspection.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** An expert team's marks of a county on a scoring sheet for a period (the second yardstick). */
@Entity
@Table(name = "sheet_assessment")
public class SheetAssessment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "county_code", nullable = false)
    public String countyCode;

    @Column(nullable = false)
    public int period;

    @Column(name = "sheet_version", nullable = false)
    public String sheetVersion;

    /** The expert who leads the team: the only one (besides an ADMIN) who may submit. */
    @Column(name = "team_lead_id", nullable = false)
    public UUID teamLeadId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SheetAssessmentStatus status;

    /** The marks as the JSON list of {@code SheetMark}s (the wire form, so the event carries them as they are). */
    @Column(nullable = false)
    public String marks;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Version
    public long version;
}
