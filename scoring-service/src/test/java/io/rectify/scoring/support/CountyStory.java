package io.rectify.scoring.support;

import io.rectify.contracts.CreditCode;
import io.rectify.contracts.hazard.Actor;
import io.rectify.contracts.hazard.HazardEvent;
import io.rectify.contracts.hazard.HazardReported;
import io.rectify.contracts.hazard.HazardReopened;
import io.rectify.contracts.hazard.HazardSignedOff;
import io.rectify.contracts.hazard.HazardSnapshot;
import io.rectify.contracts.inspection.CountyRegistered;
import io.rectify.contracts.inspection.EnterpriseRegistered;
import io.rectify.contracts.inspection.InspectionCompleted;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A fresh county per test (tests share one database and one set of topics), with builders for the
 * upstream events of its story. Each county has its own city and province so scope tests do not overlap.
 */
public final class CountyStory {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    public final String code;
    public final String name;
    public final String city;
    public final String province;

    private CountyStory(String code) {
        this.code = code;
        this.name = "County " + code;
        this.city = "City-" + code;
        this.province = "Province-" + code;
    }

    public static CountyStory create() {
        StringBuilder code = new StringBuilder("T");
        for (int i = 0; i < 9; i++) {
            code.append(ALNUM.charAt(RANDOM.nextInt(ALNUM.length())));
        }
        return new CountyStory(code.toString());
    }

    /** A county with a code of one's choosing (e.g. a malformed one, to make poison). */
    public static CountyStory withCode(String code) {
        return new CountyStory(code);
    }

    public CountyRegistered registered() {
        return new CountyRegistered(code, name, city, province, "LEAD", "KEY", Instant.now());
    }

    /** A well-formed unified social credit code (check character included). */
    public static String newCreditCode() {
        StringBuilder first17 = new StringBuilder("91");
        for (int i = 0; i < 15; i++) {
            first17.append(CreditCode.CHARSET.charAt(RANDOM.nextInt(CreditCode.CHARSET.length())));
        }
        return CreditCode.complete(first17.toString());
    }

    public EnterpriseRegistered enterprise(String creditCode) {
        return new EnterpriseRegistered(creditCode, "Enterprise " + creditCode, code, null, false, null, Instant.now());
    }

    public InspectionCompleted inspected(String creditCode, Instant completedAt) {
        return new InspectionCompleted(UUID.randomUUID(), null, creditCode, code, LocalDate.ofInstant(completedAt, ZoneOffset.UTC),
                0, "done", completedAt, completedAt);
    }

    /** A hazard reported now, due at {@code dueAt}. */
    public Hazard hazard(String grade, Instant dueAt) {
        return new Hazard(this, UUID.randomUUID(), grade, Instant.now(), dueAt);
    }

    /** One hazard's successive snapshots. */
    public static final class Hazard {
        final CountyStory county;
        public final UUID id;
        final String grade;
        final Instant reportedAt;
        final Instant dueAt;

        Hazard(CountyStory county, UUID id, String grade, Instant reportedAt, Instant dueAt) {
            this.county = county;
            this.id = id;
            this.grade = grade;
            this.reportedAt = reportedAt;
            this.dueAt = dueAt;
        }

        public HazardSnapshot snapshot(String status, Instant submittedAt, Instant signedOffAt, int reopenings, long version) {
            return new HazardSnapshot(id, "REGULATOR", null, null, "91510781MA00000000", county.code, county.city, county.province,
                    "OTHER", grade, "MAJOR".equals(grade) ? "MHC-01" : null, "test hazard", status, reportedAt, dueAt,
                    false, "MAJOR".equals(grade) ? "COUNTY" : null, 0, 0, reopenings, submittedAt, signedOffAt, version);
        }

        public HazardEvent reported(String status, int reopenings) {
            return new HazardReported(snapshot(status, null, null, reopenings, 1), Actor.SYSTEM, reportedAt);
        }

        public HazardEvent signedOff(Instant submittedAt, long version) {
            return new HazardSignedOff(snapshot("SIGNED_OFF", submittedAt, submittedAt.plusSeconds(3600), 0, version),
                    Actor.SYSTEM, Instant.now(), null);
        }

        public HazardEvent reopened(long version) {
            return new HazardReopened(snapshot("RECTIFYING", null, null, 1, version), Actor.SYSTEM, Instant.now(), "recurred");
        }
    }
}
