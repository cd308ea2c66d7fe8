package io.rectify.platform.audit;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Walks every chain at a fixed cadence ({@code rectify.audit.verify-every}). Gauge
 * {@code rectify_audit_chain_broken} counts the broken chains of the last walk (0: every trail
 * intact; alert on &gt; 0); the first broken entry of each walk is logged at ERROR.
 */
@ApplicationScoped
public class AuditWatch {

    private static final Logger LOG = Logger.getLogger(AuditWatch.class);

    @Inject
    AuditVerifier verifier;

    @Inject
    MeterRegistry registry;

    private final AtomicLong broken = new AtomicLong();

    @PostConstruct
    void register() {
        registry.gauge("rectify.audit.chain.broken", broken);
    }

    @Scheduled(identity = "audit-watch", every = "${rectify.audit.verify-every:5m}", delayed = "${rectify.audit.verify-delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void walk() {
        if (verifier.trails().isEmpty()) {
            return;
        }
        ServiceVerification v = verifier.verifyAll();
        broken.set(v.broken().size());
        if (!v.intact()) {
            ServiceVerification.BrokenChain first = v.broken().get(0);
            LOG.errorf("audit trail broken: %s %s at entry %d (%d broken chain(s) of %d, %d entries walked)",
                    first.trail(), first.aggregateId(), first.brokenAt(), v.broken().size(), v.chains(), v.entries());
        } else {
            LOG.debugf("audit trails intact: %d chains, %d entries", v.chains(), v.entries());
        }
    }

    /** Broken chains found by the last walk. */
    public long broken() {
        return broken.get();
    }
}
