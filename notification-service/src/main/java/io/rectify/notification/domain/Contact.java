package io.rectify.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Who hears about one level of the ladder, by email and/or webhook. */
@Entity
@Table(name = "contact")
public class Contact extends PanacheEntityBase {

    /** The natural key: level and reference (credit code, county code, city or province name). */
    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "level")
        public String level;
        @Column(name = "ref")
        public String ref;

        protected Key() {
        }

        public Key(String level, String ref) {
            this.level = level;
            this.ref = ref;
        }

        public static Key of(RecipientLevel level, String ref) {
            return new Key(level.name(), ref);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(level, k.level) && Objects.equals(ref, k.ref);
        }

        @Override
        public int hashCode() {
            return Objects.hash(level, ref);
        }
    }

    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public String name;

    public String email;

    @Column(name = "webhook_url")
    public String webhookUrl;

    @Column(name = "webhook_secret")
    public String webhookSecret;

    @Version
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    public static Optional<Contact> find(RecipientLevel level, String ref) {
        return ref == null ? Optional.empty() : findByIdOptional(Key.of(level, ref));
    }

    public RecipientLevel level() {
        return RecipientLevel.valueOf(key.level);
    }

    public String ref() {
        return key.ref;
    }
}
