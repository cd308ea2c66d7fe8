package io.rectify.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A key county as {@code CountyRegistered} on inspection.events last described it: its name for messages, its place on the ladder. */
@Entity
@Table(name = "registry_county")
public class RegistryCounty extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    public String city;

    public String province;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
