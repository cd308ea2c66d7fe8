package io.rectify.inspection.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A member of an expert guidance team. */
@Entity
@Table(name = "expert")
public class Expert extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    /** The JWT subject of the expert's own account, if any: an EXPERT caller acts as this expert. */
    public String subject;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "expert_specialty", joinColumns = @JoinColumn(name = "expert_id"))
    @OrderColumn(name = "position")
    @Column(name = "specialty", nullable = false)
    @BatchSize(size = 100)
    public List<String> specialties = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
