package io.rectify.notification.service;

import io.rectify.notification.domain.Chase;
import io.rectify.notification.domain.Contact;
import io.rectify.notification.domain.RecipientLevel;
import jakarta.persistence.EntityManager;
import org.hibernate.jpa.HibernateHints;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The contacts a batch of chases or notifications may address: read in one query (read-only: nothing here
 * changes them) and looked up in memory. Bench P4: the same contacts queried twice per sweep batch, and a
 * persistence-context look-up per notification and level, were a fifth of the sweep's CPU.
 */
final class BatchContacts {

    private final Map<Contact.Key, Contact> byKey = new HashMap<>();

    private BatchContacts() {
    }

    /** Every contact, at any level, whose reference is one of {@code refs} (nulls ignored). */
    static BatchContacts load(EntityManager em, Collection<String> refs) {
        BatchContacts contacts = new BatchContacts();
        List<String> wanted = refs.stream().filter(Objects::nonNull).distinct().toList();
        if (!wanted.isEmpty()) {
            em.createQuery("select c from Contact c where c.key.ref in :refs", Contact.class)
                    .setParameter("refs", wanted)
                    .setHint(HibernateHints.HINT_READ_ONLY, true)
                    .getResultList()
                    .forEach(c -> contacts.byKey.put(c.key, c));
        }
        return contacts;
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
