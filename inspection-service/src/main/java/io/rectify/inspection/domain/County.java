package io.rectify.inspection.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.rectify.platform.security.Jurisdiction;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** A key county (重点县), keyed by its administrative division code (or a zone's own code). */
@Entity
@Table(name = "county")
public class County extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String city;

    @Column(nullable = false)
    public String province;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CountyTier tier;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CountyStatus status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** Where the county sits on the authority ladder: what callers' scopes are matched against. */
    public Jurisdiction jurisdiction() {
        return Jurisdiction.ofCounty(province, city, code);
    }
}
