package io.rectify.inspection.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * The enterprise's recorded consent to one kind of access during one inspection: who at the
 * enterprise granted it and when, and who recorded it (audit).
 */
@Entity
@Table(name = "consent")
public class Consent extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "inspection_id", nullable = false)
    public UUID inspectionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsentScope scope;

    @Column(name = "granted_by", nullable = false)
    public String grantedBy;

    @Column(name = "granted_at", nullable = false)
    public Instant grantedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    public static Set<ConsentScope> scopesOf(UUID inspectionId) {
        Set<ConsentScope> scopes = EnumSet.noneOf(ConsentScope.class);
        Consent.<Consent>list("inspectionId", inspectionId).forEach(c -> scopes.add(c.scope));
        return scopes;
    }
}
