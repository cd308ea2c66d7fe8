package io.rectify.hazard.service;

import io.rectify.contracts.inspection.InspectionCancelled;
import io.rectify.contracts.inspection.InspectionScheduled;
import io.rectify.platform.security.ExpertAssignments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The experts assigned to each inspection, from {@code InspectionScheduled} (its {@code expertSubjects})
 * and {@code InspectionCancelled}: what {@link io.rectify.platform.security.Scope} needs to let an expert
 * see the hazards of the enterprises it inspects, and nothing else.
 */
@ApplicationScoped
public class InspectionAssignments implements ExpertAssignments {

    private static final Logger LOG = Logger.getLogger(InspectionAssignments.class);

    @Inject
    EntityManager em;

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<String> enterprisesOf(String expertSubject) {
        List<?> rows = em.createNativeQuery("select distinct enterprise_credit_code from expert_assignment"
                        + " where expert_subject = ?1 and cancelled_at is null")
                .setParameter(1, expertSubject).getResultList();
        Set<String> codes = new HashSet<>();
        rows.forEach(r -> codes.add(r.toString()));
        return codes;
    }

    /** Records the assignment; an event without subjects (experts without accounts, older producers) assigns nobody. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void scheduled(InspectionScheduled event) {
        List<String> subjects = event.expertSubjects() == null ? List.of() : event.expertSubjects();
        for (String subject : subjects) {
            em.createNativeQuery("""
                            insert into expert_assignment (inspection_id, expert_subject, enterprise_credit_code, county_code)
                            values (?1, ?2, ?3, ?4) on conflict do nothing""")
                    .setParameter(1, event.inspectionId())
                    .setParameter(2, subject)
                    .setParameter(3, event.enterpriseCreditCode())
                    .setParameter(4, event.countyCode())
                    .executeUpdate();
        }
        LOG.infof("inspection %s of enterprise %s: %d expert account(s) assigned", event.inspectionId(),
                event.enterpriseCreditCode(), subjects.size());
    }

    /** A called-off visit no longer opens the enterprise's hazards to its experts. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancelled(InspectionCancelled event) {
        Instant at = event.occurredAt() != null ? event.occurredAt() : Instant.now();
        em.createNativeQuery("update expert_assignment set cancelled_at = ?2 where inspection_id = ?1 and cancelled_at is null")
                .setParameter(1, event.inspectionId())
                .setParameter(2, at)
                .executeUpdate();
    }
}
