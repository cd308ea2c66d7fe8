package io.rectify.hazard.service;

import io.rectify.contracts.inspection.EnterpriseRegistered;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;

/** The enterprise names hazard-service knows, from inspection-service's EnterpriseRegistered events. */
@ApplicationScoped
public class EnterpriseDirectory {

    @Inject
    EntityManager em;

    /** Registers or renames an enterprise; the latest registration wins even when an older one arrives later. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void register(EnterpriseRegistered event) {
        if (event.creditCode() == null || event.creditCode().length() != 18 || event.name() == null) {
            throw new IllegalArgumentException("EnterpriseRegistered without a credit code or name: " + event.creditCode());
        }
        em.createNativeQuery("""
                        insert into enterprise_directory (credit_code, name, county_code, registered_at) values (?1, ?2, ?3, ?4)
                        on conflict (credit_code) do update set name = excluded.name, county_code = excluded.county_code,
                            registered_at = excluded.registered_at
                        where enterprise_directory.registered_at <= excluded.registered_at""")
                .setParameter(1, event.creditCode())
                .setParameter(2, event.name())
                .setParameter(3, event.countyCode())
                .setParameter(4, event.occurredAt() != null ? event.occurredAt() : Instant.now())
                .executeUpdate();
    }
}
