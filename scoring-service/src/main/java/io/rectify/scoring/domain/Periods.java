package io.rectify.scoring.domain;

import java.time.Instant;
import java.time.ZoneId;

/** A period is a calendar year in the agencies' time zone (scoring.md: a hazard belongs to the year of its reportedAt). */
public final class Periods {

    public static final int MIN = 2000;
    public static final int MAX = 2100;

    private Periods() {
    }

    public static int of(Instant instant, ZoneId zone) {
        return instant.atZone(zone).getYear();
    }
}
