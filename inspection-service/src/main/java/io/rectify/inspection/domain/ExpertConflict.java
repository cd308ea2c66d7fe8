package io.rectify.inspection.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** A conflict of interest an expert declared with an enterprise for a period (impartial experts). */
@Entity
@Table(name = "expert_conflict")
public class ExpertConflict extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "expert_id", nullable = false)
    public UUID expertId;

    @Column(name = "credit_code", nullable = false)
    public String creditCode;

    @Column(nullable = false)
    public String reason;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    /** The last day, inclusive; {@code null}: open-ended. */
    @Column(name = "valid_to")
    public LocalDate validTo;

    @Column(name = "declared_by", nullable = false)
    public String declaredBy;

    @Column(name = "declared_at", nullable = false)
    public Instant declaredAt;

    /** The conflicts of these experts with the enterprise that cover {@code day}. */
    public static List<ExpertConflict> covering(Collection<UUID> expertIds, String creditCode, LocalDate day) {
        if (expertIds.isEmpty()) {
            return List.of();
        }
        return list("expertId in ?1 and creditCode = ?2 and validFrom <= ?3 and (validTo is null or validTo >= ?3)", expertIds, creditCode, day);
    }
}
