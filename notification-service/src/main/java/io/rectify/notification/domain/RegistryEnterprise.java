package io.rectify.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * An enterprise as {@code EnterpriseRegistered} last described it: the county it is registered in (which
 * places its contact, whatever its credit code's digits say) and its name for messages.
 */
@Entity
@Table(name = "registry_enterprise")
public class RegistryEnterprise extends PanacheEntityBase {

    @Id
    @Column(name = "credit_code")
    public String creditCode;

    public String name;

    @Column(name = "county_code", nullable = false)
    public String countyCode;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
