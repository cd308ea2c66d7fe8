package io.rectify.bench;

import io.rectify.scenarios.Tokens;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** What several benchmarks share: tokens, the seed, the origin of generated time lines. */
final class Setup {

    static final String AGENCY = "AGENCY_SYSTEM";
    static final String ADMIN = "ADMIN";

    private Setup() {
    }

    static Tokens tokens(Options o) {
        return new Tokens(Path.of(o.text("key", "deploy/local/jwt/dev-private.pem")));
    }

    /** An agency system's token: it may report hazards in any county (as other agencies' systems do). */
    static String agencyToken(Options o) {
        return tokens(o).mint("bench-agency-system", AGENCY);
    }

    static String adminToken(Options o) {
        return tokens(o).mint("bench-admin", ADMIN);
    }

    static long seed(Options o) {
        return o.number("seed", 20240411L);
    }

    /** Generated histories end here: the start of today (UTC), so a run on the same day regenerates the same bytes. */
    static Instant origin(Options o) {
        return o.text("origin", null) != null ? Instant.parse(o.text("origin")) : Instant.now().truncatedTo(ChronoUnit.DAYS);
    }
}
