package io.rectify.inspection.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** One version of a key task as it was defined: kept for good, so a finding shows the task it was recorded under. */
@Entity
@Table(name = "key_task_version")
@IdClass(KeyTaskVersion.Key.class)
public class KeyTaskVersion extends PanacheEntityBase {

    public record Key(String code, int version) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    public String code;

    @Id
    public int version;

    @Column(name = "name_zh", nullable = false)
    public String nameZh;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    public String description;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    public static KeyTaskVersion of(KeyTask task, String by) {
        KeyTaskVersion v = new KeyTaskVersion();
        v.code = task.code;
        v.version = task.version;
        v.nameZh = task.nameZh;
        v.nameEn = task.nameEn;
        v.description = task.description;
        v.createdAt = Instant.now();
        v.createdBy = by;
        return v;
    }

    public static List<KeyTaskVersion> history(String code) {
        return list("code = ?1 order by version", code);
    }
}
