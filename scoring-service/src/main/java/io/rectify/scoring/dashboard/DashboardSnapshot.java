package io.rectify.scoring.dashboard;

import java.time.Instant;
import java.util.List;

/** Everything the page shows, sent first on every (re)connection; later events update it. */
public record DashboardSnapshot(
        Instant generatedAt,
        List<DashboardCounty> counties,
        OverdueMajorHazards overdueMajor,
        List<DashboardNotification> notifications) {
}
