package io.rectify.notification.service;

import io.rectify.notification.domain.Chase;
import io.rectify.notification.domain.Contact;
import io.rectify.notification.domain.DeliveryMode;
import io.rectify.notification.domain.RecipientLevel;
import jakarta.persistence.EntityManager;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.time.OffsetDateTime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The contacts a batch of chases or notifications may address: read in one query (detached: nothing here
 * changes them) and looked up in memory. Bench P4: the same contacts queried twice per sweep batch, and a
 * persistence-context look-up per notification and level, were a fifth of the sweep's CPU.
 */
final class BatchContacts {

    private final Map<Contact.Key, Contact> byKey = new HashMap<>();

    private BatchContacts() {
    }

    /** Every contact, at any level, whose reference is one of {@code refs} (nulls ignored), by one statement ({@link ByCodes}). */
    static BatchContacts load(EntityManager em, Collection<String> refs) {
        BatchContacts contacts = new BatchContacts();
        ByCodes.forEach(em, SELECT, refs.stream(), rs -> {
            Contact contact = contact(rs);
            contacts.byKey.put(contact.key, contact);
        });
        return contacts;
    }

    private static final String SELECT = "select level, ref, name, email, webhook_url, webhook_secret, phone, locale, delivery, "
            + "digest_time, version, updated_at, updated_by from contact where ref = any(?)";

    /** A detached contact with every column (nothing here changes it, so no entity of the persistence context). */
    private static Contact contact(ResultSet rs) throws SQLException {
        Contact c = new Contact();
        c.key = new Contact.Key(rs.getString(1), rs.getString(2));
        c.name = rs.getString(3);
        c.email = rs.getString(4);
        c.webhookUrl = rs.getString(5);
        c.webhookSecret = rs.getString(6);
        c.phone = rs.getString(7);
        c.locale = rs.getString(8);
        c.delivery = DeliveryMode.valueOf(rs.getString(9));
        c.digestTime = rs.getObject(10, LocalTime.class);
        c.version = rs.getLong(11);
        OffsetDateTime updated = rs.getObject(12, OffsetDateTime.class);
        c.updatedAt = updated == null ? null : updated.toInstant();
        c.updatedBy = rs.getString(13);
        return c;
    }

    /** Every contact a step of these chases may address: their enterprise, county, city and province. */
    static BatchContacts forChases(EntityManager em, Collection<Chase> chases) {
        List<String> refs = new ArrayList<>();
        for (Chase c : chases) {
            refs.add(c.enterpriseCreditCode);
            refs.add(c.countyCode);
            refs.add(c.city);
            refs.add(c.province);
        }
        return load(em, refs);
    }

    /** The contact of that level and reference, if it was among those loaded. */
    Optional<Contact> find(RecipientLevel level, String ref) {
        return ref == null ? Optional.empty() : Optional.ofNullable(byKey.get(Contact.Key.of(level, ref)));
    }
}
