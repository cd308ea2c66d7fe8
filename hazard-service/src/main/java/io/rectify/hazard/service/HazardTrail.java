package io.rectify.hazard.service;

import io.rectify.contracts.EventJson;
import io.rectify.contracts.Topics;
import io.rectify.contracts.hazard.Actor;
import io.rectify.contracts.hazard.HazardEvent;
import io.rectify.contracts.hazard.HazardReported;
import io.rectify.contracts.hazard.HazardSnapshot;
import io.rectify.hazard.domain.Hazard;
import io.rectify.hazard.audit.HazardTrails;
import io.rectify.hazard.domain.HazardHistory;
import io.rectify.hazard.domain.HazardStatus;
import io.rectify.platform.audit.AuditChain;
import io.rectify.platform.audit.AuditJson;
import io.rectify.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Records one change of a hazard, in the caller's transaction: the new version, the history line and
 * the event (with the snapshot) in the outbox. So the state, its audit trail and its event commit
 * together or not at all.
 */
@ApplicationScoped
public class HazardTrail {

    private static final Logger LOG = Logger.getLogger(HazardTrail.class);

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    AuditChain chain;

    @Inject
    HazardSnapshots snapshots;

    /**
     * @param from    the status before the change ({@code null} when the hazard was just created)
     * @param action  what happened (a {@link io.rectify.hazard.domain.HazardAction} name, REPORT or OVERDUE)
     * @param payload what the change carried, for the history (serialised as JSON)
     * @param event   builds the event from the snapshot after the change
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public HazardSnapshot record(Hazard hazard, HazardStatus from, String action, Actor actor, Instant at, Object payload,
                                 Function<HazardSnapshot, HazardEvent> event) {
        // flush first: the versioned update happens now (a concurrent change fails here) and the
        // snapshot carries the version this change produced
        em.flush();
        HazardSnapshot snapshot = snapshots.of(hazard, at);

        // the history line, chained to the hazard's previous one (hash over its canonical JSON)
        chain.append(HazardTrails.HISTORY, hazard.id, historyLine(hazard, from, action, actor, at, payload));

        HazardEvent e = event.apply(snapshot);
        outbox.append(Topics.HAZARD_EVENTS, e, at);
        // DEBUG: the history entry and the event are the record; an INFO line per report is cost without a reader
        // at hundreds of reports a second (and the start-up warm-up's rolled-back reports would read as real)
        LOG.debugf("hazard %s %s: %s -> %s by %s (%s), county %s, version %d", hazard.id, e.eventName(),
                from, hazard.status, actor.subject(), actor.role(), hazard.countyCode, hazard.version);
        return snapshot;
    }

    /**
     * Records many new hazards at once, in the caller's transaction (their inserts pending): the same
     * REPORT history line and HazardReported event {@link #record} writes for one, with one statement for
     * all the history lines and one for all the events.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordReports(List<NewReport> reports) {
        em.flush();
        List<AuditChain.Append> lines = new ArrayList<>(reports.size());
        List<Outbox.Entry> events = new ArrayList<>(reports.size());
        for (NewReport r : reports) {
            Hazard h = r.hazard();
            HazardSnapshot snapshot = snapshots.of(h, h.reportedAt);
            lines.add(new AuditChain.Append(h.id, historyLine(h, null, HazardHistory.REPORT, r.actor(), h.reportedAt, r.request())));
            events.add(new Outbox.Entry(new HazardReported(snapshot, r.actor(), h.reportedAt), h.reportedAt, r.traceparent()));
        }
        chain.startAll(HazardTrails.HISTORY, lines); // a new hazard's REPORT line starts its chain
        outbox.appendAll(Topics.HAZARD_EVENTS, events);
        LOG.debugf("%d hazards reported", reports.size());
    }

    private static Map<String, Object> historyLine(Hazard hazard, HazardStatus from, String action, Actor actor, Instant at,
                                                   Object payload) {
        Map<String, Object> line = new HashMap<>();
        line.put("at", at);
        line.put("who", actor.subject());
        line.put("role", actor.role());
        line.put("action", action);
        line.put("from_status", from == null ? null : from.name());
        line.put("to_status", hazard.status.name());
        line.put("payload", new AuditJson(payload == null ? "{}" : EventJson.write(payload)));
        line.put("hazard_version", hazard.version);
        return line;
    }
}
