package io.rectify.platform.evidence;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Deletes uploads that nothing references once they are older than
 * {@code rectify.evidence.unreferenced-retention}, then the stored content no upload names any more.
 * Referenced evidence is never deleted: the query cannot select a row that {@code evidence_use} names.
 */
@ApplicationScoped
@IfBuildProperty(name = "rectify.evidence.enabled", stringValue = "true")
public class EvidenceSweep {

    private static final Logger LOG = Logger.getLogger(EvidenceSweep.class);

    @Inject
    EntityManager em;

    @Inject
    EvidenceStore store;

    @Inject
    EvidenceConfig config;

    @Scheduled(every = "${rectify.evidence.sweep-interval:1h}", delayed = "${rectify.evidence.sweep-delay:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sweep(Instant.now().minus(config.unreferencedRetention()));
    }

    /** @return how many uploads were deleted */
    public int sweep(Instant uploadedBefore) {
        @SuppressWarnings("unchecked")
        List<String> deleted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "delete from evidence e where e.uploaded_at < ?1 and not exists (select 1 from evidence_use u where u.evidence_id = e.id)"
                                + " returning e.sha256")
                .setParameter(1, Timestamp.from(uploadedBefore)).getResultList());
        int freed = 0;
        for (String sha : deleted.stream().map(String::trim).distinct().toList()) {
            // content another upload still names stays (two uploads of one photo share its bytes)
            boolean named = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    "select count(*) from evidence where sha256 = ?1").setParameter(1, sha).getSingleResult()).longValue() > 0);
            if (!named) {
                store.delete(sha);
                freed++;
            }
        }
        if (!deleted.isEmpty()) {
            LOG.infof("evidence sweep: %d unreferenced uploads older than %s deleted, %d stored files freed", deleted.size(), uploadedBefore, freed);
        }
        return deleted.size();
    }
}
