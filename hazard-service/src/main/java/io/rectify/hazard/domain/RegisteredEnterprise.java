package io.rectify.hazard.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * hazard-service's copy of an enterprise's name, kept from inspection-service's {@code EnterpriseRegistered}:
 * the register export prints it beside the credit code.
 */
@Entity
@Table(name = "enterprise_directory")
public class RegisteredEnterprise {

    @Id
    @Column(name = "credit_code")
    public String creditCode;

    @Column(nullable = false)
    public String name;

    @Column(name = "county_code")
    public String countyCode;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;
}
