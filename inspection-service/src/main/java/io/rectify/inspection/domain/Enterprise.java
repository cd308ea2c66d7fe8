package io.rectify.inspection.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** A chemical enterprise, keyed by its unified social credit code (check character verified on the way in). */
@Entity
@Table(name = "enterprise")
public class Enterprise extends PanacheEntityBase {

    @Id
    @Column(name = "credit_code")
    public String creditCode;

    @Column(nullable = false)
    public String name;

    @Column(name = "county_code", nullable = false)
    public String countyCode;

    @Column(name = "park_name")
    public String parkName;

    @Column(name = "fine_chemical", nullable = false)
    public boolean fineChemical;

    /** 1 (most dangerous) to 4, or null when the enterprise has no major hazard installation. */
    @Column(name = "major_hazard_installation_grade")
    public Integer majorHazardInstallationGrade;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
