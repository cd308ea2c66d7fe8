package io.rectify.inspection.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A county's two yardsticks as scoring-service last published them on {@code county.index}: the composite
 * index and the scoring-sheet score. Kept for the nightly debrief, which never calls scoring-service.
 */
@Entity
@Table(name = "county_yardsticks")
public class CountyYardsticks extends PanacheEntityBase {

    @Id
    @Column(name = "county_code")
    public String countyCode;

    public int period;

    @Column(name = "rubric_version", nullable = false)
    public String rubricVersion;

    /** Null with {@link #reason} {@code NO_DATA} when no indicator applies. */
    @Column(name = "index_value")
    public BigDecimal index;

    public String reason;

    @Column(name = "demonstration_eligible", nullable = false)
    public boolean demonstrationEligible;

    /** Null while the expert team has submitted no sheet assessment of the period. */
    @Column(name = "sheet_version")
    public String sheetVersion;

    @Column(name = "sheet_score")
    public BigDecimal sheetScore;

    @Column(name = "sheet_submitted_at")
    public Instant sheetSubmittedAt;

    @Column(name = "computed_at", nullable = false)
    public Instant computedAt;
}
