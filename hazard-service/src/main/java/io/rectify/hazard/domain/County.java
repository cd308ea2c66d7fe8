package io.rectify.hazard.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * hazard-service's copy of a key county, kept from inspection-service's {@code CountyRegistered}: the
 * city and province decide regulator scope and go into every hazard snapshot.
 */
@Entity
@Table(name = "county")
public class County extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    public String city;

    public String province;

    /** When the registration we hold happened; an older one arriving late does not overwrite it. */
    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;
}
