package io.rectify.scoring.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What one scoring instance knows for its dashboard, in memory: each county's current index (from the
 * compacted {@code county.index}), the latest notification events, the overdue major hazards. Pure and
 * thread-safe; every {@code apply…} answers whether something the page shows changed, so only real
 * changes are pushed. Nothing here is authoritative: a restart rebuilds it from the topics.
 */
public class DashboardView {

    /** Ranking order: highest index first, counties without an index (NO_DATA) last, then by code. */
    static final Comparator<DashboardCounty> RANKING = Comparator
            .comparing(DashboardCounty::index, Comparator.nullsLast(Comparator.<java.math.BigDecimal>reverseOrder()))
            .thenComparing(DashboardCounty::countyCode);

    private static final Comparator<DashboardNotification> NEWEST_FIRST = Comparator
            .comparing(DashboardNotification::occurredAt, Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
            .thenComparing(n -> n.eventId().toString());

    /** Chases remembered for the overdue list: enough for every hazard a county office would watch. */
    private static final int CHASES_KEPT = 5_000;

    private final int notificationsKept;
    private final Map<String, DashboardCounty> counties = new HashMap<>();
    private final List<DashboardNotification> notifications = new ArrayList<>();
    private final Map<UUID, Chase> chases = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Chase> eldest) {
            return size() > CHASES_KEPT;
        }
    };
    private OverdueMajorHazards overdue = OverdueMajorHazards.NONE;

    private record Chase(String level, String enterpriseCreditCode) {
    }

    public DashboardView(int notificationsKept) {
        if (notificationsKept < 1) {
            throw new IllegalArgumentException("notificationsKept must be positive");
        }
        this.notificationsKept = notificationsKept;
    }

    /**
     * Takes a county's index unless the view already holds a later one (a later period, or the same
     * period computed later): records of one key arrive in order, but a re-read window may repeat them.
     */
    public synchronized boolean applyIndex(DashboardCounty county) {
        DashboardCounty held = counties.get(county.countyCode());
        if (held != null && (held.period() > county.period()
                || held.period() == county.period() && !county.computedAt().isAfter(held.computedAt()))) {
            return false;
        }
        counties.put(county.countyCode(), county);
        return true;
    }

    /** A tombstone on the compacted topic: the county is gone. */
    public synchronized boolean removeCounty(String countyCode) {
        return counties.remove(countyCode) != null;
    }

    /** Keeps the newest {@code notificationsKept} events, each once; answers whether this one is among them. */
    public synchronized boolean applyNotification(DashboardNotification notification) {
        rememberChase(notification);
        if (notifications.stream().anyMatch(n -> n.eventId().equals(notification.eventId()))) {
            return false;
        }
        notifications.add(notification);
        notifications.sort(NEWEST_FIRST);
        if (notifications.size() > notificationsKept) {
            DashboardNotification dropped = notifications.remove(notifications.size() - 1);
            return dropped != notification;
        }
        return true;
    }

    private void rememberChase(DashboardNotification n) {
        switch (n.type()) {
            case "EscalationRaised" -> chases.put(n.hazardId(), new Chase(n.level(), n.enterpriseCreditCode()));
            case "ReminderSent" -> {
                Chase known = chases.get(n.hazardId());
                chases.put(n.hazardId(), new Chase(known == null ? null : known.level(), n.enterpriseCreditCode()));
            }
            case "ChaseClosed" -> chases.remove(n.hazardId());
            default -> { }
        }
    }

    /** Whether the notification says something about a hazard of the overdue list (its chase moved). */
    public synchronized boolean concernsOverdue(DashboardNotification n) {
        return overdue.items().stream().anyMatch(h -> h.hazardId().equals(n.hazardId()));
    }

    /** Replaces the overdue major hazards (fresh from the facts), adding what the chases tell. */
    public synchronized boolean applyOverdue(OverdueMajorHazards fresh) {
        List<OverdueMajorHazard> items = fresh.items().stream().map(h -> {
            Chase chase = chases.get(h.hazardId());
            return chase == null ? h : h.withChase(chase.level(), chase.enterpriseCreditCode());
        }).toList();
        OverdueMajorHazards enriched = new OverdueMajorHazards(items, fresh.total(), fresh.refreshedAt());
        boolean changed = !enriched.sameAs(overdue);
        overdue = enriched;
        return changed;
    }

    public synchronized OverdueMajorHazards overdue() {
        return overdue;
    }

    public synchronized int countyCount() {
        return counties.size();
    }

    public synchronized DashboardSnapshot snapshot(Instant now) {
        return new DashboardSnapshot(now, counties.values().stream().sorted(RANKING).toList(), overdue, List.copyOf(notifications));
    }
}
