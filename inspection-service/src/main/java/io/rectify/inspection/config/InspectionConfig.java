package io.rectify.inspection.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.ZoneId;

@ConfigMapping(prefix = "rectify.inspection")
public interface InspectionConfig {

    /** The zone of the county officials' clock, for the time printed on the debrief. */
    @WithDefault("Asia/Shanghai")
    ZoneId debriefZone();

    /** Upper bound on evidence items per finding. */
    @WithDefault("50")
    int maxEvidencePerFinding();
}
