package io.rectify.hazard.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of a hazard's audit trail, read only: lines are written through the platform's AuditChain
 * (hash-chained per hazard). Append-only: the database refuses updates and deletes.
 */
@Entity
@Table(name = "hazard_history")
public class HazardHistory extends PanacheEntityBase {

    /** Audit actions besides the state-machine actions. */
    public static final String REPORT = "REPORT";
    public static final String OVERDUE = "OVERDUE";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "hazard_id", nullable = false)
    public UUID hazardId;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String who;

    @Column(nullable = false)
    public String role;

    @Column(nullable = false)
    public String action;

    @Column(name = "from_status")
    public String fromStatus;

    @Column(name = "to_status", nullable = false)
    public String toStatus;

    @Column(nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String payload;

    /** The version of the hazard after this change. */
    @Column(name = "hazard_version", nullable = false)
    public long hazardVersion;

    /** Position in the hazard's chain: 1, 2, … */
    @Column(nullable = false)
    public long seq;

    @Column(name = "prev_hash")
    public String prevHash;

    @Column(nullable = false)
    public String hash;
}
