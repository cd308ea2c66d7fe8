package io.rectify.scoring.dashboard;

import java.time.Instant;
import java.util.List;

/** The overdue major hazards, most overdue first: at most a page of them, and how many there are in all. */
public record OverdueMajorHazards(List<OverdueMajorHazard> items, long total, Instant refreshedAt) {

    static final OverdueMajorHazards NONE = new OverdueMajorHazards(List.of(), 0, null);

    /** Same hazards, statuses, due dates and chase levels (the refresh time does not count). */
    boolean sameAs(OverdueMajorHazards other) {
        return other != null && total == other.total && items.equals(other.items);
    }
}
