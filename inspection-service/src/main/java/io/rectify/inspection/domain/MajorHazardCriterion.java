package io.rectify.inspection.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Set;
import java.util.stream.Collectors;

/** One of the 20 criteria of the major-accident-hazard judgement standard (安监总管三〔2017〕121号). */
@Entity
@Table(name = "major_hazard_criterion")
public class MajorHazardCriterion extends PanacheEntityBase {

    @Id
    public String code;

    @Column(name = "name_zh", nullable = false)
    public String nameZh;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    public static Set<String> codes() {
        return MajorHazardCriterion.<MajorHazardCriterion>listAll().stream().map(c -> c.code).collect(Collectors.toSet());
    }
}
