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
        List<RebuildHazards.Row> copied = readBinaryCopy(table, 1000, 0);
        assertThat(copied).hasSize(rows.size());
        assertThat(new java.util.HashSet<>(copied)).isEqualTo(new java.util.HashSet<>(rows.values())); // as sets: AssertJ's any-order match is quadratic
    }

    @Test
    void theBinaryCopyHoldsEveryHazardGroupedByCountyAndPeriodWithItsTimesFromTheGivenOrigin() {
        RebuildHazards table = new RebuildHazards();
        UUID first = UUID.fromString("00000000-0000-0001-0000-000000000002"), second = UUID.randomUUID(), third = UUID.randomUUID();
        Instant due = Instant.parse("2026-05-01T00:00:00.1234565Z");
        table.add(new FactUpdate.HazardUpdate(new HazardFact(first, "MAJOR", "整改中\tX", due, null, Instant.parse("0001-01-01T00:00:00Z"), 2),
                "B", "City", "Province", 2026, 7));
        table.add(update(second, "OPEN", 1, null)); // COUNTY1 2026
        table.add(new FactUpdate.HazardUpdate(new HazardFact(third, "GENERAL", "OPEN", null, null, null, 0), "B", "City", "Province", 2025, 1));
        List<RebuildHazards.Row> read = readBinaryCopy(table, 1 << 16, RebuildHazards.POSTGRES_EPOCH_MICROS);
        assertThat(read).extracting(RebuildHazards.Row::id).containsExactly(third, first, second); // B 2025, B 2026, COUNTY1
        assertThat(read.get(1)).isEqualTo(new RebuildHazards.Row(first, "B", 2026, "MAJOR", "整改中\tX",
                FactStore.micros(due) - RebuildHazards.POSTGRES_EPOCH_MICROS, null,
                FactStore.micros(Instant.parse("0001-01-01T00:00:00Z")) - RebuildHazards.POSTGRES_EPOCH_MICROS, 2, 7));
        assertThat(RebuildHazards.POSTGRES_EPOCH_MICROS).isEqualTo(Instant.parse("2000-01-01T00:00:00Z").getEpochSecond() * 1_000_000L);
    }

    /** The rows of a binary COPY ({@link RebuildHazards#copyBinary}) read back as PostgreSQL reads them, in their order. */
    private static List<RebuildHazards.Row> readBinaryCopy(RebuildHazards table, int chunk, long fromMicros) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        table.copyBinary(chunk, fromMicros, b -> out.write(b.array(), 0, b.position()));
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(out.toByteArray());
        byte[] signature = new byte[11];
        in.get(signature);
        assertThat(signature).isEqualTo(new byte[]{'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0});
        assertThat(in.getInt()).as("flags").isZero();
        assertThat(in.getInt()).as("header extension").isZero();
        List<RebuildHazards.Row> rows = new ArrayList<>();
        for (short columns = in.getShort(); columns != -1; columns = in.getShort()) {
            expect(columns == 10, "10 columns, not " + columns);
            length(in, 16);
            UUID id = new UUID(in.getLong(), in.getLong());
            String county = text(in);
            length(in, 4);
            int period = in.getInt();
            String grade = text(in), status = text(in);
            Long dueAt = time(in), submittedAt = time(in), signedOffAt = time(in);
            length(in, 4);
            int reopenings = in.getInt();
            length(in, 8);
            rows.add(new RebuildHazards.Row(id, county, period, grade, status, dueAt, submittedAt, signedOffAt, reopenings, in.getLong()));
        }
        assertThat(in.hasRemaining()).as("nothing after the trailer").isFalse();
        return rows;
    }

    private static String text(java.nio.ByteBuffer in) {
        byte[] bytes = new byte[in.getInt()];
        in.get(bytes);
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Long time(java.nio.ByteBuffer in) {
        int length = in.getInt();
        if (length == -1) {
            return null;
        }
        expect(length == 8, "a time of 8 bytes, not " + length);
        return in.getLong();
    }

    private static void length(java.nio.ByteBuffer in, int expected) {
        int length = in.getInt();
        expect(length == expected, "a field of " + expected + " bytes, not " + length);
    }

    /** A plain check for the per-row reading (tens of thousands of rows: an AssertJ assertion per field is slow). */
    private static void expect(boolean holds, String what) {
        if (!holds) {
            throw new AssertionError(what);
        }
    }

    private static FactUpdate.HazardUpdate update(UUID id, String status, long version, Instant due) {
        return new FactUpdate.HazardUpdate(new HazardFact(id, "MAJOR", status, due, null, null, 0), "COUNTY1", "City", "Province", 2026,
                version);
    }
}
