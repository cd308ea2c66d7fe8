package io.rectify.hazard.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of hazard-service ({@code rectify.hazard.*}; env {@code RECTIFY_HAZARD_*}). */
@ConfigMapping(prefix = "rectify.hazard")
public interface HazardConfig {

    /** How often the overdue sweep runs (read by its {@code @Scheduled} expression as well). */
    @WithDefault("30s")
    Duration overdueSweepInterval();

    /** Hazards claimed per sweep transaction; small enough to keep locks short, big enough to be quick. */
    @WithDefault("500")
    int overdueSweepPageSize();

    /** The latest due date a report may ask for, in days after the report (the rectification period is 1–365 days). */
    @WithDefault("365")
    int maxRectificationDays();

    /** The time zone plan deadlines (dates) are read in when compared with the due instant. */
    @WithDefault("Asia/Shanghai")
    String zone();

    /**
     * How long a county or an enterprise's county, once looked up, is taken as it was (RegistryCache): a
     * registration consumed by another instance shows here at most this much later. 0 looks up every time.
     */
    @WithDefault("5s")
    Duration registryCacheTtl();
}
