package io.rectify.notification.service;

import io.rectify.notification.domain.DeliveryAttempt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Writes the delivery attempts of a batch (bench P4: one statement for all of them, not one per attempt). */
@ApplicationScoped
public class AttemptRows {

    @Inject
    EntityManager em;

    /** Every attempt row of a batch with one multi-row INSERT. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(List<DeliveryAttempt> attempts) {
        if (attempts.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(c -> {
            StringBuilder sql = new StringBuilder("insert into delivery_attempt (notification_id, attempt, attempted_at, outcome, http_status, detail) values ");
            for (int i = 0; i < attempts.size(); i++) {
                sql.append(i == 0 ? "(?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?)");
            }
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int p = 1;
                for (DeliveryAttempt a : attempts) {
                    ps.setObject(p++, a.notificationId);
                    ps.setInt(p++, a.attempt);
                    ps.setObject(p++, OffsetDateTime.ofInstant(a.attemptedAt, ZoneOffset.UTC));
                    ps.setString(p++, a.outcome);
                    ps.setObject(p++, a.httpStatus, Types.INTEGER);
                    ps.setString(p++, a.detail);
                }
                ps.executeUpdate();
            }
        });
    }
}
