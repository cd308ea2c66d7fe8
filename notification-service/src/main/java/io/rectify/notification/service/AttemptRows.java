package io.rectify.notification.service;

import io.rectify.notification.audit.DeliveryTrail;
import io.rectify.notification.domain.DeliveryAttempt;
import io.rectify.platform.audit.AuditChain;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the delivery attempts of a batch, each appended to its notification's hash chain (the trail of
 * deliveries, docs/spec/domain.md "Audit trails"), with two statements for the whole batch
 * ({@link AuditChain#appendAll}). The notifications are locked already, in id order, so the chains' heads
 * are taken without contention.
 */
@ApplicationScoped
public class AttemptRows {

    @Inject
    AuditChain chain;

    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(List<DeliveryAttempt> attempts) {
        List<AuditChain.Append> appends = new ArrayList<>(attempts.size());
        for (DeliveryAttempt a : attempts) {
            Map<String, Object> entry = new HashMap<>();
            entry.put("attempt", a.attempt);
            entry.put("attempted_at", a.attemptedAt);
            entry.put("outcome", a.outcome);
            entry.put("http_status", a.httpStatus);
            entry.put("detail", a.detail);
            appends.add(new AuditChain.Append(a.notificationId, entry));
        }
        chain.appendAll(DeliveryTrail.TRAIL, appends);
    }
}
