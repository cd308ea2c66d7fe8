package io.rectify.scoring.service;

import io.rectify.scoring.domain.HazardFact;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rebuild's table of hazards keeps what the version rule of hazard_fact keeps when the same updates are
 * applied in the same order (a higher version replaces, an equal or lower one does not), for any number of
 * hazards, and gives them back as the database stores them.
 */
class RebuildHazardsTest {

    @Test
    void keepsTheNewestVersionAndTheFirstOfEqualOnes() {
        RebuildHazards table = new RebuildHazards();
        UUID id = UUID.randomUUID();
        Instant due = Instant.parse("2026-05-01T00:00:00.123456789Z");
        table.add(update(id, "OPEN", 1, due));
        table.add(update(id, "RECTIFYING", 3, due));
        table.add(update(id, "SIGNED_OFF", 3, due)); // the same version again: the first one read stays
        table.add(update(id, "OPEN", 2, due)); // stale
        assertThat(table.size()).isEqualTo(1);
        RebuildHazards.Row row = table.rows().get(0);
        assertThat(row.id()).isEqualTo(id);
        assertThat(row.status()).isEqualTo("RECTIFYING");
        assertThat(row.version()).isEqualTo(3);
        assertThat(row.dueAt()).isEqualTo(FactStore.micros(due)); // rounded as the driver rounds
        assertThat(row.rectificationSubmittedAt()).isNull();
        assertThat(row.signedOffAt()).isNull();
    }

    @Test
    void agreesWithAMapOfTheLatestVersionsForManyHazards() {
        Random random = new Random(42);
        RebuildHazards table = new RebuildHazards();
        Map<UUID, FactUpdate.HazardUpdate> expected = new HashMap<>();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 60_000; i++) { // several times the first capacity: the table grows
            ids.add(new UUID(random.nextLong(), i % 7)); // ids that differ in a few bits only, too
        }
        for (int n = 0; n < 200_000; n++) {
            UUID id = ids.get(random.nextInt(ids.size()));
            FactUpdate.HazardUpdate u = update(id, random.nextBoolean() ? "OPEN" : "SIGNED_OFF", random.nextInt(6),
                    random.nextBoolean() ? null : Instant.ofEpochSecond(1_700_000_000L + random.nextInt(10_000_000), random.nextInt(1_000_000_000)));
            table.add(u);
            expected.merge(id, u, (a, b) -> a.version() >= b.version() ? a : b);
        }
        assertThat(table.size()).isEqualTo(expected.size());
        Map<UUID, RebuildHazards.Row> rows = new HashMap<>();
        table.forEach(r -> rows.put(r.id(), r));
        expected.forEach((id, u) -> {
            RebuildHazards.Row r = rows.get(id);
            assertThat(r.status()).isEqualTo(u.fact().status());
            assertThat(r.version()).isEqualTo(u.version());
            assertThat(r.countyCode()).isEqualTo(u.countyCode());
            assertThat(r.period()).isEqualTo(u.period());
            assertThat(r.grade()).isEqualTo(u.fact().grade());
            assertThat(r.dueAt()).isEqualTo(FactStore.micros(u.fact().dueAt()));
            assertThat(r.reopenings()).isEqualTo(u.fact().reopenings());
        });
        StringBuilder text = new StringBuilder();
        table.copyText(1000, text::append);
        assertThat(text.toString().split("\n")).hasSize(expected.size());
    }

    @Test
    void copyTextEscapesWhatTheFormatMeans() {
        assertThat(RebuildHazards.escape("OPEN")).isSameAs("OPEN");
        assertThat(RebuildHazards.escape("a\\b\tc\nd\re")).isEqualTo("a\\\\b\\tc\\nd\\re");
        RebuildHazards table = new RebuildHazards();
        UUID id = UUID.fromString("00000000-0000-0001-0000-000000000002");
        table.add(update(id, "X\tY", 4, null));
        StringBuilder text = new StringBuilder();
        table.copyText(1 << 16, text::append);
        assertThat(text.toString()).isEqualTo("00000000-0000-0001-0000-000000000002\tCOUNTY1\t2026\tMAJOR\tX\\tY\t\\N\t\\N\t\\N\t0\t4\n");
    }

    @Test
    void isoTimesOnlyForTheYearsOneToNineThousandNineHundredNinetyNine() {
        RebuildHazards table = new RebuildHazards();
        UUID id = UUID.fromString("00000000-0000-0001-0000-000000000002");
        table.add(update(id, "OPEN", 1, Instant.parse("2026-05-01T00:00:00.1234565Z")));
        assertThat(table.timesInPlainYears()).isTrue();
        StringBuilder text = new StringBuilder();
        table.copyText(1 << 16, true, text::append);
        assertThat(text.toString()).isEqualTo("00000000-0000-0001-0000-000000000002\tCOUNTY1\t2026\tMAJOR\tOPEN\t2026-05-01 00:00:00.123457+00\t\\N\t\\N\t0\t1\n");
        table.add(update(UUID.randomUUID(), "OPEN", 1, Instant.parse("0000-12-31T23:59:59.999999Z")));
        assertThat(table.timesInPlainYears()).isFalse();
        RebuildHazards late = new RebuildHazards();
        late.add(update(id, "OPEN", 1, Instant.parse("+10000-01-01T00:00:00Z")));
        assertThat(late.timesInPlainYears()).isFalse();
    }

    @Test
    void isoTextIsWhatTheTimeFormattersWrite() {
        java.time.format.DateTimeFormatter pattern = java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS'+00'")
                .withZone(java.time.ZoneOffset.UTC);
        Random random = new Random(7);
        long first = java.time.LocalDate.of(1, 1, 1).toEpochDay() * 86_400_000_000L;
        long last = java.time.LocalDate.of(10000, 1, 1).toEpochDay() * 86_400_000_000L - 1;
        List<Long> samples = new ArrayList<>(List.of(first, last, 0L, -1L, 951_782_400_000_000L /* 2000-02-29 */));
        for (int i = 0; i < 100_000; i++) {
            samples.add(first + Math.floorMod(random.nextLong(), last - first));
        }
        for (long micros : samples) {
            Instant t = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
            assertThat(RebuildHazards.iso(new StringBuilder(), micros).toString()).as("%d", micros).isEqualTo(pattern.format(t));
        }
    }

    private static FactUpdate.HazardUpdate update(UUID id, String status, long version, Instant due) {
        return new FactUpdate.HazardUpdate(new HazardFact(id, "MAJOR", status, due, null, null, 0), "COUNTY1", "City", "Province", 2026,
                version);
    }
}
