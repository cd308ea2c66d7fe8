package io.rectify.notification.service;

import io.rectify.contracts.inspection.CountyRegistered;
import io.rectify.contracts.inspection.EnterpriseRegistered;
import io.rectify.notification.domain.RegistryCounty;
import io.rectify.notification.domain.RegistryEnterprise;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;

/** Keeps the registry rows from inspection.events, in the consumer's transaction; the latest event wins. */
@ApplicationScoped
public class RegistryBook {

    private static final Logger LOG = Logger.getLogger(RegistryBook.class);

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void county(CountyRegistered e) {
        if (e.code() == null || e.code().isBlank()) {
            throw new IllegalArgumentException("CountyRegistered without a county code");
        }
        RegistryCounty c = em.find(RegistryCounty.class, e.code(), LockModeType.PESSIMISTIC_WRITE);
        Instant at = e.occurredAt() == null ? Instant.now() : e.occurredAt();
        if (c == null) {
            c = new RegistryCounty();
            c.code = e.code();
        } else if (c.updatedAt.isAfter(at)) {
            return; // an older copy arriving late
        }
        c.name = e.name();
        c.city = e.city();
        c.province = e.province();
        c.updatedAt = at;
        c.persist();
        LOG.debugf("county %s known as %s (%s, %s)", e.code(), e.name(), e.city(), e.province());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void enterprise(EnterpriseRegistered e) {
        if (e.creditCode() == null || e.countyCode() == null) {
            throw new IllegalArgumentException("EnterpriseRegistered without credit code or county");
        }
        RegistryEnterprise r = em.find(RegistryEnterprise.class, e.creditCode(), LockModeType.PESSIMISTIC_WRITE);
        Instant at = e.occurredAt() == null ? Instant.now() : e.occurredAt();
        if (r == null) {
            r = new RegistryEnterprise();
            r.creditCode = e.creditCode();
        } else if (r.updatedAt.isAfter(at)) {
            return;
        }
        r.name = e.name();
        r.countyCode = e.countyCode();
        r.updatedAt = at;
        r.persist();
        LOG.debugf("enterprise %s registered in county %s", e.creditCode(), e.countyCode());
    }
}
