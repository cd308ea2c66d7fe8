package io.rectify.scoring.service;

import io.rectify.scoring.domain.HazardFact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The newest version of every hazard a rebuild has read so far, across the whole log, kept in a few
 * primitive arrays (no object per hazard) so that hundreds of thousands of hazards fit a small heap and go
 * to the database once, at the end ({@link FactStore#writeRebuiltHazards}), instead of an upsert per batch.
 * The hazards lie in the arrays in the order they were first read; an open-addressing table of positions,
 * on the id, finds them. Only that table has empty slots: when the slots themselves held the hazards
 * (76 bytes each, at most 70 % full), 380,000 hazards took 76 MiB of a 256-MiB heap, and the collector
 * marked it over and over while a rebuild read (bench RESULTS run 51).
 * <p>
 * {@link #add} keeps what the version rule of {@link FactStore#UPSERT_HAZARD} keeps when the updates are
 * applied in the order they are added: a higher version replaces, an equal or lower one does not (the one
 * read first stays). The rebuild adds them in log order. Times are kept as the microseconds the database
 * stores ({@link FactStore#micros}). Not thread-safe: one writer adds.
 */
final class RebuildHazards {

    private static final long NO_TIME = Long.MIN_VALUE; // never the microseconds of an instant that decodes (years 0–9999)
    /** Position + 1 of the hazard whose id hashes here (or after, probing on), 0 for an empty slot. */
    private int[] index;
    private long[] msb = new long[0];
    private long[] lsb = new long[0];
    private long[] version = new long[0];
    private int[] county = new int[0];
    private int[] period = new int[0];
    private int[] grade = new int[0];
    private int[] status = new int[0];
    private long[] dueAt = new long[0];
    private long[] submittedAt = new long[0];
    private long[] signedOffAt = new long[0];
    private int[] reopenings = new int[0];
    private int size;

    /** Counties, grades and statuses are few distinct strings: each hazard keeps an index into this list. */
    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> nameIndex = new HashMap<>();

    RebuildHazards() {
        index = new int[1 << 15];
        allocate(1 << 14);
    }

    int size() {
        return size;
    }

    /** Sets the hazards' arrays to this length, keeping the hazards in them. */
    private void allocate(int capacity) {
        msb = Arrays.copyOf(msb, capacity);
        lsb = Arrays.copyOf(lsb, capacity);
        version = Arrays.copyOf(version, capacity);
        county = Arrays.copyOf(county, capacity);
        period = Arrays.copyOf(period, capacity);
        grade = Arrays.copyOf(grade, capacity);
        status = Arrays.copyOf(status, capacity);
        dueAt = Arrays.copyOf(dueAt, capacity);
        submittedAt = Arrays.copyOf(submittedAt, capacity);
        signedOffAt = Arrays.copyOf(signedOffAt, capacity);
        reopenings = Arrays.copyOf(reopenings, capacity);
    }

    /** Adds an update read after every one added before: kept if its version is higher than the one kept for its hazard. */
    void add(FactUpdate.HazardUpdate u) {
        HazardFact f = u.fact();
        UUID id = f.id();
        int slot = slot(id.getMostSignificantBits(), id.getLeastSignificantBits());
        int at;
        if (index[slot] != 0) {
            at = index[slot] - 1;
            if (version[at] >= u.version()) {
                return;
            }
        } else {
            if ((size + 1) * 10L > index.length * 7L) { // load factor 0.7
                growIndex();
                slot = slot(id.getMostSignificantBits(), id.getLeastSignificantBits());
            }
            if (size == msb.length) {
                allocate(size + (size >> 1));
            }
            at = size++;
            index[slot] = at + 1;
            msb[at] = id.getMostSignificantBits();
            lsb[at] = id.getLeastSignificantBits();
        }
        version[at] = u.version();
        county[at] = name(u.countyCode());
        period[at] = u.period();
        grade[at] = name(f.grade());
        status[at] = name(f.status());
        dueAt[at] = time(f.dueAt());
        submittedAt[at] = time(f.rectificationSubmittedAt());
        signedOffAt[at] = time(f.signedOffAt());
        reopenings[at] = f.reopenings();
    }

    private static long time(java.time.Instant t) {
        Long micros = FactStore.micros(t);
        return micros == null ? NO_TIME : micros;
    }

    private int name(String s) {
        Integer i = nameIndex.get(s);
        if (i == null) {
            i = names.size();
            names.add(s);
            nameIndex.put(s, i);
        }
        return i;
    }

    /** The slot of the id in {@link #index}: where it is, or the empty slot where it goes. */
    private int slot(long hi, long lo) {
        int mask = index.length - 1;
        long h = hi ^ lo;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        int i = (int) h & mask;
        for (int at = index[i] - 1; at >= 0 && (msb[at] != hi || lsb[at] != lo); at = index[i] - 1) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void growIndex() {
        index = new int[index.length * 2];
        for (int at = 0; at < size; at++) {
            index[slot(msb[at], lsb[at])] = at + 1;
        }
    }

    /** One hazard as the database stores it (times in microseconds since the epoch, null when absent). */
    record Row(UUID id, String countyCode, int period, String grade, String status, Long dueAt, Long rectificationSubmittedAt,
               Long signedOffAt, int reopenings, long version) {
    }

    /** Every hazard kept, in no particular order. */
    void forEach(java.util.function.Consumer<Row> each) {
        for (int i = 0; i < size; i++) {
            each.accept(row(i));
        }
    }

    List<Row> rows() {
        List<Row> rows = new ArrayList<>(size);
        forEach(rows::add);
        return rows;
    }

    private Row row(int i) {
        return new Row(new UUID(msb[i], lsb[i]), names.get(county[i]), period[i], names.get(grade[i]), names.get(status[i]),
                dueAt[i] == NO_TIME ? null : dueAt[i], submittedAt[i] == NO_TIME ? null : submittedAt[i],
                signedOffAt[i] == NO_TIME ? null : signedOffAt[i], reopenings[i], version[i]);
    }

    /**
     * The positions of every hazard kept, grouped by county and period (counties by code, periods ascending):
     * the order they go into hazard_fact in, so that a county's rows lie together and reading one county
     * (the recomputation does, county after county) touches a few pages, not one page per row. A counting sort.
     */
    int[] orderByCountyAndPeriod() {
        List<Integer> countyIds = new ArrayList<>();
        java.util.TreeMap<Integer, Integer> periodRank = new java.util.TreeMap<>();
        java.util.BitSet isCounty = new java.util.BitSet();
        for (int i = 0; i < size; i++) {
            isCounty.set(county[i]);
            periodRank.putIfAbsent(period[i], 0);
        }
        isCounty.stream().forEach(countyIds::add);
        countyIds.sort(java.util.Comparator.comparing(names::get));
        int[] countyRank = new int[names.size()];
        for (int r = 0; r < countyIds.size(); r++) {
            countyRank[countyIds.get(r)] = r;
        }
        int rank = 0;
        for (Map.Entry<Integer, Integer> e : periodRank.entrySet()) {
            e.setValue(rank++);
        }
        int periods = Math.max(1, periodRank.size());
        int[] group = new int[size];
        int[] starts = new int[countyIds.size() * periods + 1];
        for (int i = 0; i < size; i++) {
            group[i] = countyRank[county[i]] * periods + periodRank.get(period[i]);
            starts[group[i] + 1]++;
        }
        for (int g = 1; g < starts.length; g++) {
            starts[g] += starts[g - 1];
        }
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[starts[group[i]]++] = i;
        }
        return order;
    }

    /** Microseconds from the epoch to 2000-01-01T00:00:00Z, where a timestamptz's binary form counts from. */
    static final long POSTGRES_EPOCH_MICROS = java.time.LocalDate.of(2000, 1, 1).toEpochDay() * 86_400_000_000L;

    /** The binary COPY format's header: its signature, no flags, no header extension. */
    private static final byte[] BINARY_HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final short COLUMNS = 10;

    /**
     * Writes every hazard kept in PostgreSQL's binary COPY format (columns as in {@link FactStore#writeRebuiltHazards}),
     * grouped by county and period ({@link #orderByCountyAndPeriod}), handing the bytes on in pieces of about
     * {@code chunk} (one buffer, reused: the sink must take its bytes before it returns). Binary, not text:
     * PostgreSQL reads a uuid, an integer or a time as it stores it instead of parsing its text, and nothing here
     * formats one either (the text format's COPY of 322,748 hazards took 1.63-1.70 s in PostgreSQL, the binary
     * one 1.38-1.42 s, measured 2026-12-06). Times are 8-byte microseconds counted from {@code fromMicros}
     * (microseconds since the epoch): 0 for bigint columns of microseconds since the epoch,
     * {@link #POSTGRES_EPOCH_MICROS} for timestamptz columns, whose binary form counts from 2000.
     */
    void copyBinary(int chunk, long fromMicros, java.util.function.Consumer<java.nio.ByteBuffer> sink) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(chunk + 1024); // big-endian, as the format is
        byte[][] utf8 = new byte[names.size()][];
        int longest = 0;
        for (int n = 0; n < utf8.length; n++) {
            utf8[n] = names.get(n).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            longest = Math.max(longest, utf8[n].length);
        }
        if (longest * 3 + 200 > 1024) { // a row must fit the room left over a chunk
            b = java.nio.ByteBuffer.allocate(chunk + longest * 3 + 200);
        }
        b.put(BINARY_HEADER);
        for (int i : orderByCountyAndPeriod()) {
            b.putShort(COLUMNS);
            b.putInt(16).putLong(msb[i]).putLong(lsb[i]);
            text(b, utf8[county[i]]);
            b.putInt(4).putInt(period[i]);
            text(b, utf8[grade[i]]);
            text(b, utf8[status[i]]);
            time(b, dueAt[i], fromMicros);
            time(b, submittedAt[i], fromMicros);
            time(b, signedOffAt[i], fromMicros);
            b.putInt(4).putInt(reopenings[i]);
            b.putInt(8).putLong(version[i]);
            if (b.position() >= chunk) {
                sink.accept(b);
                b.clear();
            }
        }
        b.putShort((short) -1); // the trailer
        sink.accept(b);
    }

    private static void text(java.nio.ByteBuffer b, byte[] utf8) {
        b.putInt(utf8.length).put(utf8);
    }

    private static void time(java.nio.ByteBuffer b, long micros, long fromMicros) {
        if (micros == NO_TIME) {
            b.putInt(-1); // NULL
        } else {
            b.putInt(8).putLong(micros - fromMicros);
        }
    }
}
