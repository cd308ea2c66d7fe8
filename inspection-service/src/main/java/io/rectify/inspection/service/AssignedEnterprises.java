package io.rectify.inspection.service;

import io.quarkus.arc.Unremovable;
import io.rectify.platform.security.ExpertAssignments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The enterprises an expert's account is assigned to: those with a (not cancelled) inspection listing an
 * expert whose {@code subject} is the token's. What {@link io.rectify.platform.security.Scope} opens to an
 * EXPERT here — the same rule hazard-service applies from InspectionScheduled.
 */
@ApplicationScoped
@Unremovable // looked up only through Instance<ExpertAssignments> in the platform's Caller
public class AssignedEnterprises implements ExpertAssignments {

    @Inject
    EntityManager em;

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<String> enterprisesOf(String expertSubject) {
        List<?> rows = em.createNativeQuery("""
                        select distinct i.enterprise_credit_code from inspection i
                        join inspection_expert ie on ie.inspection_id = i.id
                        join expert e on e.id = ie.expert_id
                        where e.subject = ?1 and i.status <> 'CANCELLED'""")
                .setParameter(1, expertSubject).getResultList();
        Set<String> codes = new HashSet<>();
        rows.forEach(r -> codes.add(r.toString()));
        return codes;
    }
}
