package io.rectify.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** Who hears about one level of the ladder, by email, webhook and/or SMS, in which language and how often. */
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

    /** Mobile number for SMS (digits, optionally with a leading +). */
    public String phone;

    /** {@code zh-CN} (the default) or {@code en}: the language of every message to this contact. */
    @Column(nullable = false)
    public String locale = "zh-CN";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryMode delivery = DeliveryMode.IMMEDIATE;

    /** With DAILY_DIGEST: the local time (Asia/Shanghai) the digest goes out. */
    @Column(name = "digest_time")
    public LocalTime digestTime;

    @Version
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    public static Optional<Contact> find(RecipientLevel level, String ref) {
        return ref == null ? Optional.empty() : findByIdOptional(Key.of(level, ref));
    }

    public Locale locale() {
        return Locale.forLanguageTag(locale == null ? "zh-CN" : locale);
    }

    /** The address of a channel: email address, webhook URL or phone number; {@code null} when not set. */
    public String address(Channel channel) {
        String a = switch (channel) {
            case EMAIL -> email;
            case WEBHOOK -> webhookUrl;
            case SMS -> phone;
            case NONE -> null;
        };
        return a == null || a.isBlank() ? null : a;
    }

    /** Every channel this contact can be reached on, in a fixed order. */
    public List<Channel> channels() {
        List<Channel> channels = new ArrayList<>(3);
        for (Channel c : List.of(Channel.EMAIL, Channel.WEBHOOK, Channel.SMS)) {
            if (address(c) != null) {
                channels.add(c);
            }
        }
        return channels;
    }

    /** A reminder on this channel waits for the digest (webhooks never wait: they feed systems, not people). */
    public boolean holdsForDigest(Channel channel) {
        return delivery == DeliveryMode.DAILY_DIGEST && channel.read();
    }

    public RecipientLevel level() {
        return RecipientLevel.valueOf(key.level);
    }

    public String ref() {
        return key.ref;
    }
}
