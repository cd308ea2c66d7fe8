package io.rectify.hazard.service;

import io.rectify.contracts.CountyCode;
import io.rectify.contracts.inspection.CountyRegistered;
import io.rectify.hazard.config.HazardConfig;
import io.rectify.hazard.domain.County;
import io.rectify.hazard.domain.Hazard;
import io.rectify.platform.security.Jurisdiction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/** The key counties hazard-service knows, from inspection-service's CountyRegistered events. */
@ApplicationScoped
public class CountyDirectory {

    private static final Logger LOG = Logger.getLogger(CountyDirectory.class);

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transactions;

    private final RegistryCache<County> recent;

    @Inject
    CountyDirectory(HazardConfig config, DataSource dataSource) {
        recent = new RegistryCache<>(config.registryCacheTtl(), dataSource,
                "select name, city, province, registered_at from county where code = ?", (code, rs) -> {
                    County county = new County();
                    county.code = code;
                    county.name = rs.getString(1);
                    county.city = rs.getString(2);
                    county.province = rs.getString(3);
                    county.registeredAt = rs.getObject(4, OffsetDateTime.class).toInstant();
                    return county;
                });
    }

    /** The county (as registered a few seconds ago at most, see {@link RegistryCache}): read, never changed by callers. */
    public Optional<County> find(String code) {
        return code == null ? Optional.empty() : recent.find(code);
    }

    /** Where a hazard sits: its county's city and province (when known) and its enterprise. */
    public Jurisdiction jurisdictionOf(Hazard hazard) {
        return countyJurisdiction(hazard.countyCode).ofEnterprise(hazard.enterpriseCreditCode);
    }

    public Jurisdiction countyJurisdiction(String code) {
        return find(code)
                .map(c -> Jurisdiction.ofCounty(c.province, c.city, c.code))
                .orElse(Jurisdiction.ofCounty(null, null, code));
    }

    /** Registers or updates a county; the latest registration wins even when an older one arrives later. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void register(CountyRegistered event) {
        if (!CountyCode.isValid(event.code())) {
            throw new IllegalArgumentException("CountyRegistered without a valid code: " + event.code());
        }
        Instant at = event.occurredAt() != null ? event.occurredAt() : Instant.now();
        recent.forget(transactions, event.code());
        int changed = em.createNativeQuery("""
                        insert into county (code, name, city, province, registered_at) values (?1, ?2, ?3, ?4, ?5)
                        on conflict (code) do update set name = excluded.name, city = excluded.city,
                            province = excluded.province, registered_at = excluded.registered_at
                        where county.registered_at <= excluded.registered_at""")
                .setParameter(1, event.code())
                .setParameter(2, event.name())
                .setParameter(3, event.city())
                .setParameter(4, event.province())
                .setParameter(5, at)
                .executeUpdate();
        LOG.infof("county %s (%s, %s, %s) %s", event.code(), event.name(), event.city(), event.province(),
                changed == 1 ? "registered" : "ignored: a newer registration is known");
    }
}
