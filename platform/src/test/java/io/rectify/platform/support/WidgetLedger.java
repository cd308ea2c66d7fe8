package io.rectify.platform.support;

import io.rectify.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The producer side of the test app: state row and event in one transaction. */
@ApplicationScoped
public class WidgetLedger {

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Transactional
    public void record(String widget, int seq) {
        em.createNativeQuery("insert into test_ledger (widget, seq) values (?1, ?2)")
                .setParameter(1, widget).setParameter(2, seq).executeUpdate();
        outbox.append(WidgetRecorded.TOPIC, new WidgetRecorded(widget, seq, false));
    }

    /** {@code count} steps of one widget, their events appended together ({@link Outbox#appendAll}). */
    @Transactional
    public void recordAll(String widget, int count) {
        List<Outbox.Entry> entries = new ArrayList<>(count);
        for (int seq = 1; seq <= count; seq++) {
            entries.add(new Outbox.Entry(new WidgetRecorded(widget, seq, false), Instant.now()));
        }
        outbox.appendAll(WidgetRecorded.TOPIC, entries);
    }

    @Transactional
    public void recordThenFail(String widget, int seq) {
        record(widget, seq);
        throw new IllegalStateException("business rule failed after the event was appended");
    }

    @Transactional
    public long effects(String widget) {
        return ((Number) em.createNativeQuery("select count(*) from test_effect where widget = ?1")
                .setParameter(1, widget).getSingleResult()).longValue();
    }

    @Transactional
    public long ledgerRows(String widget) {
        return ((Number) em.createNativeQuery("select count(*) from test_ledger where widget = ?1")
                .setParameter(1, widget).getSingleResult()).longValue();
    }
}
