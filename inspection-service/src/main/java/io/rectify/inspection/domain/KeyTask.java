package io.rectify.inspection.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A focus area of the programme ("6抓" plus OTHER); reference data an ADMIN may extend and revise. The
 * row holds the current version; every version is kept in {@link KeyTaskVersion}.
 */
@Entity
@Table(name = "key_task")
public class KeyTask extends PanacheEntityBase {

    @Id
    public String code;

    @Column(name = "name_zh", nullable = false)
    public String nameZh;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    public String description;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The current version: 1 when added, one more with each revision. */
    @Column(nullable = false)
    public int version = 1;

    /** The current version of the key task with this code (the rules have checked that it exists). */
    public static int versionOf(String code) {
        KeyTask task = findById(code);
        return task == null ? 1 : task.version;
    }

    public static Set<String> codes() {
        return KeyTask.<KeyTask>listAll().stream().map(k -> k.code).collect(Collectors.toSet());
    }
}
