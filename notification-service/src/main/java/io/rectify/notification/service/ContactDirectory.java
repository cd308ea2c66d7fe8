package io.rectify.notification.service;

import io.rectify.notification.domain.Contact;
import io.rectify.notification.domain.DeliveryMode;
import io.rectify.notification.domain.RecipientLevel;
import io.rectify.notification.domain.RegistryCounty;
import io.rectify.notification.domain.RegistryEnterprise;
import io.rectify.platform.api.IfMatch;
import io.rectify.platform.api.PageRequest;
import io.rectify.platform.api.PageResult;
import io.rectify.platform.problem.ProblemException;
import io.rectify.platform.security.Caller;
import io.rectify.platform.security.Jurisdiction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The contacts directory. Who may see or change a contact follows where it sits on the ladder: a county
 * contact is its county's (and its city's and province's, as {@code CountyRegistered} or hazard snapshots
 * tell them), a city contact its city's and province's, a province contact its province's; an enterprise
 * contact sits in the county the registry has it in ({@code EnterpriseRegistered}), never where its credit
 * code's digits point (an economic zone has no division code of its own).
 */
@ApplicationScoped
public class ContactDirectory {

    private static final Logger LOG = Logger.getLogger(ContactDirectory.class);

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    /** The fields a PUT sets. */
    public record Details(String name, String email, String webhookUrl, String webhookSecret, String phone, String locale,
                          DeliveryMode delivery, LocalTime digestTime) {
    }

    /** The result of a PUT: the contact and whether it was new. */
    public record Saved(Contact contact, boolean created) {
    }

    @Transactional
    public Contact get(RecipientLevel level, String ref) {
        Contact contact = Contact.find(level, ref).orElse(null);
        if (contact == null || !caller.canSee(jurisdictionOf(level, ref))) {
            throw ProblemException.notFound("contact", level + "/" + ref);
        }
        return contact;
    }

    @Transactional
    public PageResult<Contact> list(RecipientLevel level, PageRequest page) {
        List<Contact> visible = (level == null ? Contact.<Contact>listAll() : Contact.<Contact>list("key.level", level.name()))
                .stream()
                .filter(c -> caller.canSee(jurisdictionOf(c.level(), c.ref())))
                .sorted(Comparator.comparing((Contact c) -> c.level().ordinal()).thenComparing(Contact::ref))
                .toList();
        return page.slice(visible);
    }

    @Transactional
    public Saved put(RecipientLevel level, String ref, Details details, String ifMatch) {
        if (!caller.regulates(jurisdictionOf(level, ref))) {
            throw ProblemException.notFound("contact", level + "/" + ref);
        }
        Optional<Contact> existing = Contact.find(level, ref);
        Contact contact = existing.orElseGet(() -> {
            Contact c = new Contact();
            c.key = Contact.Key.of(level, ref);
            return c;
        });
        if (existing.isPresent()) {
            IfMatch.check(ifMatch, contact.version);
        }
        contact.name = details.name().trim();
        contact.email = blankToNull(details.email());
        contact.webhookUrl = blankToNull(details.webhookUrl());
        contact.phone = blankToNull(details.phone());
        contact.locale = details.locale();
        contact.delivery = details.delivery();
        contact.digestTime = details.delivery() == DeliveryMode.DAILY_DIGEST ? details.digestTime() : null;
        // a PUT without a secret keeps the one already set, since GET never shows it
        if (details.webhookSecret() != null && !details.webhookSecret().isBlank()) {
            contact.webhookSecret = details.webhookSecret();
        }
        if (contact.webhookUrl == null) {
            contact.webhookSecret = null;
        } else if (contact.webhookSecret == null) {
            throw ProblemException.invalid("webhookSecret", "is required with a webhookUrl: every webhook is signed");
        }
        contact.updatedAt = Instant.now();
        contact.updatedBy = caller.subject();
        if (existing.isEmpty()) {
            contact.persist();
        }
        em.flush();
        LOG.infof("contact %s/%s %s by %s (%s)", level, ref, existing.isEmpty() ? "created" : "updated", caller.subject(), caller.actingRole());
        return new Saved(contact, existing.isEmpty());
    }

    /** Where a contact sits on the ladder; the county's city and province come from the chases seen so far. */
    Jurisdiction jurisdictionOf(RecipientLevel level, String ref) {
        return switch (level) {
            case PROVINCE -> new Jurisdiction(ref, null, null, null);
            case CITY -> new Jurisdiction(provinceOfCity(ref), ref, null, null);
            case COUNTY -> countyJurisdiction(ref, null);
            case ENTERPRISE -> countyJurisdiction(countyOfEnterprise(ref), ref);
        };
    }

    /**
     * The county an enterprise is registered in, as inspection.events said; an enterprise the registry has
     * not named (yet) is placed by the county of its hazards, if any. Unknown: only ADMIN may place it.
     */
    private String countyOfEnterprise(String creditCode) {
        RegistryEnterprise registered = em.find(RegistryEnterprise.class, creditCode);
        if (registered != null) {
            return registered.countyCode;
        }
        return em.createQuery("select c.countyCode from Chase c where c.enterpriseCreditCode = :code and c.countyCode is not null", String.class)
                .setParameter("code", creditCode).setMaxResults(1).getResultStream().findFirst().orElse(null);
    }

    private Jurisdiction countyJurisdiction(String county, String creditCode) {
        if (county == null) {
            return new Jurisdiction(null, null, null, creditCode);
        }
        RegistryCounty registered = em.find(RegistryCounty.class, county);
        if (registered != null && registered.city != null) {
            return new Jurisdiction(registered.province, registered.city, county, creditCode);
        }
        List<Object[]> area = em.createQuery("select c.city, c.province from Chase c where c.countyCode = :county and c.city is not null",
                        Object[].class)
                .setParameter("county", county).setMaxResults(1).getResultList();
        String city = area.isEmpty() ? null : (String) area.get(0)[0];
        String province = area.isEmpty() ? null : (String) area.get(0)[1];
        return new Jurisdiction(province, city, county, creditCode);
    }

    private String provinceOfCity(String city) {
        String registered = em.createQuery("select c.province from RegistryCounty c where c.city = :city and c.province is not null", String.class)
                .setParameter("city", city).setMaxResults(1).getResultStream().findFirst().orElse(null);
        if (registered != null) {
            return registered;
        }
        return em.createQuery("select c.province from Chase c where c.city = :city and c.province is not null", String.class)
                .setParameter("city", city).setMaxResults(1).getResultStream().findFirst().orElse(null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
