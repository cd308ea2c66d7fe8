package io.rectify.notification.service;

import io.rectify.notification.domain.NotificationStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Withdraws a chase's notifications that are not yet delivered once they would be stale (chasing.md
 * "Withdrawal"): a later step was recorded, or the chase paused, was re-planned or closed. They become
 * SUPERSEDED with what replaced them and are never sent. A delivery already in flight (claimed, being
 * sent) may still land, but its outcome is only recorded as an attempt: it is never retried.
 */
@ApplicationScoped
public class ChaseWithdrawal {

    private static final Logger LOG = Logger.getLogger(ChaseWithdrawal.class);

    public static final String CHASE_PAUSED = "CHASE_PAUSED";
    public static final String CHASE_CLOSED = "CHASE_CLOSED";
    public static final String DEADLINE_EXTENDED = "DEADLINE_EXTENDED";

    private static final String SQL = "update notification set status = '" + NotificationStatus.SUPERSEDED + "', superseded_by = ?, "
            + "superseded_at = now(), next_attempt_at = null where hazard_id = ? and status in ('"
            + NotificationStatus.PENDING + "', '" + NotificationStatus.HELD + "') and id <> all(?)";

    @Inject
    EntityManager em;

    /** One chase whose earlier notifications give way to {@code replacedBy}, except those just recorded ({@code keep}). */
    public record Withdrawal(UUID hazardId, String replacedBy, Collection<UUID> keep) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public int withdraw(UUID hazardId, String replacedBy) {
        return withdrawAll(List.of(new Withdrawal(hazardId, replacedBy, List.of())));
    }

    /** Every withdrawal in one JDBC batch (the sweep records hundreds of chases per transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int withdrawAll(List<Withdrawal> withdrawals) {
        if (withdrawals.isEmpty()) {
            return 0;
        }
        em.flush(); // entity changes of this transaction first, so the statement sees them
        int total = em.unwrap(Session.class).doReturningWork(c -> {
            int n = 0;
            try (PreparedStatement ps = c.prepareStatement(SQL)) {
                for (Withdrawal w : withdrawals) {
                    Array keep = c.createArrayOf("uuid", w.keep().toArray());
                    ps.setString(1, w.replacedBy());
                    ps.setObject(2, w.hazardId());
                    ps.setArray(3, keep);
                    ps.addBatch();
                }
                int[] counts = ps.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] > 0) {
                        n += counts[i];
                        LOG.infof("%d undelivered notifications of hazard %s superseded by %s", counts[i],
                                withdrawals.get(i).hazardId(), withdrawals.get(i).replacedBy());
                    }
                }
            }
            return n;
        });
        return total;
    }
}
