package io.rectify.hazard.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * An enterprise of hazard-service's registry (EnterpriseRegistry keeps it from {@code EnterpriseRegistered}), read-only here:
 * the register export prints it beside the credit code.
 */
@Entity
@Table(name = "enterprise")
public class RegisteredEnterprise {

    @Id
    @Column(name = "credit_code")
    public String creditCode;

    public String name;

    @Column(name = "county_code")
    public String countyCode;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;
}
