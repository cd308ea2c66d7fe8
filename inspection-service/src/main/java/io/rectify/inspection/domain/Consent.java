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
 * The enterprise's consent to one kind of access during one inspection. An expert may request it
 * ({@code requestedBy}/{@code requestedAt}); it counts only once GRANTED by a token of the enterprise
 * ({@code confirmedBy}, the account; {@code grantedBy}, the person; {@code grantedAt}). {@code recordedBy}/
 * {@code recordedAt} are the account and time of the row's first act (audit).
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

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsentStatus status;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "requested_at")
    public Instant requestedAt;

    /** The person at the enterprise who granted it (name and position), as the enterprise says. */
    @Column(name = "granted_by")
    public String grantedBy;

    @Column(name = "granted_at")
    public Instant grantedAt;

    /** The enterprise account (token subject) that granted or confirmed it. */
    @Column(name = "confirmed_by")
    public String confirmedBy;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** The scopes the enterprise has granted for the inspection: requests not yet confirmed do not count. */
    public static Set<ConsentScope> scopesOf(UUID inspectionId) {
        Set<ConsentScope> scopes = EnumSet.noneOf(ConsentScope.class);
        Consent.<Consent>list("inspectionId = ?1 and status = ?2", inspectionId, ConsentStatus.GRANTED).forEach(c -> scopes.add(c.scope));
        return scopes;
    }
}
