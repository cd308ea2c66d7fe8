package io.rectify.inspection.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A hazard whose rectification evidence carries fraud signals (SAME_AS_FINDING_EVIDENCE,
 * USED_FOR_ANOTHER_HAZARD, CAPTURED_BEFORE_REPORT), as its latest snapshot on {@code hazard.events} says:
 * what the nightly debrief lists for the county. A later snapshot without warnings removes the row.
 */
@Entity
@Table(name = "rectification_warning")
public class RectificationWarning extends PanacheEntityBase {

    @Id
    @Column(name = "hazard_id")
    public UUID hazardId;

    @Column(name = "county_code", nullable = false)
    public String countyCode;

    @Column(name = "enterprise_credit_code")
    public String enterpriseCreditCode;

    @Column(nullable = false)
    public String grade;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public String description;

    /** The codes, comma-separated. */
    @Column(nullable = false)
    public String warnings;

    /** The snapshot's version: an older snapshot read late never overwrites a newer one. */
    @Column(name = "hazard_version", nullable = false)
    public long hazardVersion;

    /** When the event carrying these warnings happened. */
    @Column(name = "raised_at", nullable = false)
    public Instant raisedAt;

    public List<String> warningCodes() {
        return Arrays.asList(warnings.split(","));
    }
}
