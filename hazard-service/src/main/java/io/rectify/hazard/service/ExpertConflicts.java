package io.rectify.hazard.service;

import io.rectify.contracts.inspection.ConflictDeclared;
import io.rectify.platform.problem.ProblemException;
import io.rectify.platform.security.Caller;
import io.rectify.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.Instant;

/**
 * Impartial experts on hazard-service's side: the conflicts of interest experts declared in
 * inspection-service (learnt from {@code ConflictDeclared}), and the rule that an expert does not verify a
 * hazard of an enterprise they declared an interest in for the day of the verification.
 */
@ApplicationScoped
public class ExpertConflicts {

    private static final Logger LOG = Logger.getLogger(ExpertConflicts.class);

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    /** In the consumer's transaction; a redelivered declaration is a no-op (the conflict id is the key). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(ConflictDeclared c) {
        if (c.conflictId() == null || c.expertId() == null || c.enterpriseCreditCode() == null || c.from() == null) {
            throw new IllegalArgumentException("ConflictDeclared needs conflictId, expertId, enterpriseCreditCode and from");
        }
        em.createNativeQuery("""
                insert into expert_conflict (conflict_id, expert_id, expert_subject, credit_code, valid_from, valid_to, declared_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict (conflict_id) do nothing""")
                .setParameter(1, c.conflictId()).setParameter(2, c.expertId()).setParameter(3, c.expertSubject())
                .setParameter(4, c.enterpriseCreditCode()).setParameter(5, c.from()).setParameter(6, c.to())
                .setParameter(7, c.occurredAt() != null ? c.occurredAt() : Instant.now())
                .executeUpdate();
        LOG.infof("expert %s conflict with enterprise %s from %s to %s recorded", c.expertId(), c.enterpriseCreditCode(), c.from(), c.to());
    }

    /** An EXPERT caller verifying a hazard of an enterprise they declared: 409. Other roles are not experts. */
    public void requireImpartialVerifier(String creditCode, ZoneId zone) {
        if (!caller.is(Roles.EXPERT) || caller.subject() == null) {
            return;
        }
        LocalDate today = LocalDate.now(zone);
        Number n = (Number) em.createNativeQuery("""
                select count(*) from expert_conflict where expert_subject = ?1 and credit_code = ?2
                   and valid_from <= ?3 and (valid_to is null or valid_to >= ?3)""")
                .setParameter(1, caller.subject()).setParameter(2, creditCode).setParameter(3, today).getSingleResult();
        if (n.longValue() > 0) {
            throw ProblemException.conflict("you declared a conflict of interest with enterprise " + creditCode
                    + ": another expert or a regulator verifies this hazard");
        }
    }
}
