package io.rectify.scoring.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.ZoneId;

/** Settings of the scoring service ({@code rectify.scoring.*}, each also an environment variable). */
@ConfigMapping(prefix = "rectify.scoring")
public interface ScoringConfig {

    /**
     * How often every county is recomputed although no event came: time alone makes hazards due and
     * overdue. Read by the scheduler straight from {@code rectify.scoring.tick}; declared here for the record.
     */
    @WithDefault("60s")
    Duration tick();

    /** The calendar whose years are the periods (the agencies' calendar, not the server's). */
    @WithDefault("Asia/Shanghai")
    ZoneId periodZone();

    /** The shipped rubric ({@code rubrics/<version>.json}) installed and activated when none is active. */
    @WithDefault("2024.1")
    String defaultRubric();

    Rebuild rebuild();

    Recompute recompute();

    interface Recompute {
        /**
         * How often the recompute loop looks for marked counties when no commit woke it (a commit on this
         * instance wakes it at once; this catches marks written by other instances and failed rounds).
         */
        @WithDefault("1s")
        Duration pollInterval();
    }

    interface Rebuild {
        /** Records applied per transaction while re-reading the topics. */
        @WithDefault("2000")
        int batchSize();

        /** A rebuild that reads nothing for this long while records are still due is given up. */
        @WithDefault("60s")
        Duration stallTimeout();

        /**
         * In how many groups of partitions {@code hazard.events} is read, one after the other, each group's hazards
         * written while the next is read (1: read every partition at once, write every hazard at the end). Three
         * (six partitions read as 3, 2 and 1) leave a sixth of the hazards to the write nothing runs beside
         * (bench RESULTS run 51).
         */
        @WithDefault("3")
        int partitionGroups();

        /** How often an instance looks for facts a rebuild left incomplete (it died, stopped or failed) to rebuild them again. */
        @WithDefault("30s")
        Duration resumeCheck();
    }
}
