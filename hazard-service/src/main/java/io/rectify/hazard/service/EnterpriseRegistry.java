package io.rectify.hazard.service;

import io.rectify.contracts.inspection.EnterpriseRegistered;
import io.rectify.hazard.config.HazardConfig;
import io.rectify.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.Optional;

/**
 * The enterprises hazard-service knows and the county each is registered in, kept from
 * inspection-service's {@code EnterpriseRegistered} (registrations and changes; the latest wins).
 */
@ApplicationScoped
public class EnterpriseRegistry {

    private static final Logger LOG = Logger.getLogger(EnterpriseRegistry.class);

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** An enterprise's county as looked up a few seconds ago at most ({@link RegistryCache}). */
    private final RegistryCache<String> recent;

    @Inject
    EnterpriseRegistry(HazardConfig config, DataSource dataSource) {
        recent = new RegistryCache<>(config.registryCacheTtl(), dataSource,
                "select county_code from enterprise where credit_code = ?", (code, rs) -> rs.getString(1));
    }

    /** The county the enterprise is registered in, or empty when it is not registered (or not yet known here). */
    public Optional<String> countyOf(String creditCode) {
        if (creditCode == null) {
            return Optional.empty();
        }
        return recent.find(creditCode);
    }

    /**
     * The registry rule of every write that names an enterprise and a county: the enterprise must be
     * registered, and registered in that county (422 naming the field otherwise). A registration made
     * at inspection-service a moment ago may not have arrived yet: the message says so, and clients
     * retry (contracts.md "Writes checked against the registry").
     */
    public void requireRegisteredIn(String creditCode, String countyCode) {
        String registered = countyOf(creditCode).orElseThrow(() -> ProblemException.invalid("enterpriseCreditCode",
                "enterprise " + creditCode + " is not registered (register it at inspection-service first; a registration "
                        + "made in the last seconds may not have arrived yet: retry shortly)"));
        if (!registered.equals(countyCode)) {
            throw ProblemException.invalid("countyCode", "enterprise " + creditCode + " is not registered in county " + countyCode);
        }
    }

    /** Registers or updates an enterprise; an older registration arriving late does not overwrite a newer one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void register(EnterpriseRegistered event) {
        if (event.creditCode() == null || event.creditCode().length() != 18 || event.countyCode() == null) {
            throw new IllegalArgumentException("EnterpriseRegistered without a credit code or county: " + event.creditCode());
        }
        Instant at = event.occurredAt() != null ? event.occurredAt() : Instant.now();
        recent.forget(transactions, event.creditCode());
        int changed = em.createNativeQuery("""
                        insert into enterprise (credit_code, name, county_code, registered_at) values (?1, ?2, ?3, ?4)
                        on conflict (credit_code) do update set name = excluded.name, county_code = excluded.county_code,
                            registered_at = excluded.registered_at
                        where enterprise.registered_at <= excluded.registered_at""")
                .setParameter(1, event.creditCode())
                .setParameter(2, event.name())
                .setParameter(3, event.countyCode())
                .setParameter(4, at)
                .executeUpdate();
        LOG.infof("enterprise %s in county %s %s", event.creditCode(), event.countyCode(),
                changed == 1 ? "registered" : "ignored: a newer registration is known");
    }
}
