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
 * primitive arrays (an open-addressing table on the id: ~65 bytes a hazard, no object per hazard) so that
 * hundreds of thousands of hazards fit a small heap and go to the database once, at the end
 * ({@link FactStore#writeRebuiltHazards}), instead of an upsert per batch.
 * <p>
 * {@link #add} keeps what the version rule of {@link FactStore#UPSERT_HAZARD} keeps when the updates are
 * applied in the order they are added: a higher version replaces, an equal or lower one does not (the one
 * read first stays). The rebuild adds them in log order. Times are kept as the microseconds the database
 * stores ({@link FactStore#micros}). Not thread-safe: one writer adds.
 */
final class RebuildHazards {

    private static final long NO_TIME = Long.MIN_VALUE; // never the microseconds of an instant that decodes (years 0–9999)
    private static final long EMPTY = -1; // versions are never negative (FactUpdates.hazard)

    private long[] msb;
    private long[] lsb;
    private long[] version;
    private int[] county;
    private int[] period;
    private int[] grade;
    private int[] status;
    private long[] dueAt;
    private long[] submittedAt;
    private long[] signedOffAt;
    private int[] reopenings;
    private int size;

    /** Counties, grades and statuses are few distinct strings: each hazard keeps an index into this list. */
    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> nameIndex = new HashMap<>();

    RebuildHazards() {
        allocate(1 << 14);
    }

    int size() {
        return size;
    }

    private void allocate(int capacity) {
        msb = new long[capacity];
        lsb = new long[capacity];
        version = new long[capacity];
        Arrays.fill(version, EMPTY);
        county = new int[capacity];
        period = new int[capacity];
        grade = new int[capacity];
        status = new int[capacity];
        dueAt = new long[capacity];
        submittedAt = new long[capacity];
        signedOffAt = new long[capacity];
        reopenings = new int[capacity];
    }

    /** Adds an update read after every one added before: kept if its version is higher than the one kept for its hazard. */
    void add(FactUpdate.HazardUpdate u) {
        HazardFact f = u.fact();
        UUID id = f.id();
        int slot = slot(id.getMostSignificantBits(), id.getLeastSignificantBits());
        if (version[slot] != EMPTY) {
            if (version[slot] >= u.version()) {
                return;
            }
        } else {
            if ((size + 1) * 10L > msb.length * 7L) { // load factor 0.7
                grow();
                slot = slot(id.getMostSignificantBits(), id.getLeastSignificantBits());
            }
            size++;
            msb[slot] = id.getMostSignificantBits();
            lsb[slot] = id.getLeastSignificantBits();
        }
        version[slot] = u.version();
        county[slot] = name(u.countyCode());
        period[slot] = u.period();
        grade[slot] = name(f.grade());
        status[slot] = name(f.status());
        dueAt[slot] = time(f.dueAt());
        submittedAt[slot] = time(f.rectificationSubmittedAt());
        signedOffAt[slot] = time(f.signedOffAt());
        reopenings[slot] = f.reopenings();
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

    /** The slot of the id: where it is, or the empty slot where it goes. */
    private int slot(long hi, long lo) {
        int mask = msb.length - 1;
        long h = hi ^ lo;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        int i = (int) h & mask;
        while (version[i] != EMPTY && (msb[i] != hi || lsb[i] != lo)) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        long[] oMsb = msb, oLsb = lsb, oVersion = version, oDue = dueAt, oSubmitted = submittedAt, oSigned = signedOffAt;
        int[] oCounty = county, oPeriod = period, oGrade = grade, oStatus = status, oReopenings = reopenings;
        allocate(oMsb.length * 2);
        for (int j = 0; j < oMsb.length; j++) {
            if (oVersion[j] == EMPTY) {
                continue;
            }
            int i = slot(oMsb[j], oLsb[j]);
            msb[i] = oMsb[j];
            lsb[i] = oLsb[j];
            version[i] = oVersion[j];
            county[i] = oCounty[j];
            period[i] = oPeriod[j];
            grade[i] = oGrade[j];
            status[i] = oStatus[j];
            dueAt[i] = oDue[j];
            submittedAt[i] = oSubmitted[j];
            signedOffAt[i] = oSigned[j];
            reopenings[i] = oReopenings[j];
        }
    }

    /** One hazard as the database stores it (times in microseconds since the epoch, null when absent). */
    record Row(UUID id, String countyCode, int period, String grade, String status, Long dueAt, Long rectificationSubmittedAt,
               Long signedOffAt, int reopenings, long version) {
    }

    /** Every hazard kept, in no particular order. */
    void forEach(java.util.function.Consumer<Row> each) {
        for (int i = 0; i < msb.length; i++) {
            if (version[i] != EMPTY) {
                each.accept(row(i));
            }
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
     * The slots of every hazard kept, grouped by county and period (counties by code, periods ascending):
     * the order they go into hazard_fact in, so that a county's rows lie together and reading one county
     * (the recomputation does, county after county) touches a few pages, not one page per row. A counting sort.
     */
    int[] orderByCountyAndPeriod() {
        List<Integer> countyIds = new ArrayList<>();
        java.util.TreeMap<Integer, Integer> periodRank = new java.util.TreeMap<>();
        java.util.BitSet isCounty = new java.util.BitSet();
        for (int i = 0; i < msb.length; i++) {
            if (version[i] != EMPTY) {
                isCounty.set(county[i]);
                periodRank.putIfAbsent(period[i], 0);
            }
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
        int[] group = new int[msb.length];
        int[] starts = new int[countyIds.size() * periods + 1];
        for (int i = 0; i < msb.length; i++) {
            if (version[i] != EMPTY) {
                group[i] = countyRank[county[i]] * periods + periodRank.get(period[i]);
                starts[group[i] + 1]++;
            }
        }
        for (int g = 1; g < starts.length; g++) {
            starts[g] += starts[g - 1];
        }
        int[] order = new int[size];
        for (int i = 0; i < msb.length; i++) {
            if (version[i] != EMPTY) {
                order[starts[group[i]]++] = i;
            }
        }
        return order;
    }

    /**
     * Appends every hazard kept as lines of PostgreSQL's COPY text format (columns as in
     * {@link FactStore#writeRebuiltHazards}), grouped by county and period ({@link #orderByCountyAndPeriod}),
     * handing the text on in pieces of about {@code chunk} characters.
     */
    void copyText(int chunk, java.util.function.Consumer<StringBuilder> sink) {
        copyText(chunk, false, sink);
    }

    /** Microseconds of 0001-01-01T00:00:00Z and of the first instant after 9999-12-31T23:59:59.999999Z. */
    private static final long FIRST_MICROS = java.time.LocalDate.of(1, 1, 1).toEpochDay() * 86_400_000_000L;
    private static final long AFTER_LAST_MICROS = java.time.LocalDate.of(10000, 1, 1).toEpochDay() * 86_400_000_000L;

    /** Whether every time kept is in the years 1 to 9999, which PostgreSQL reads back from ISO text as written. */
    boolean timesInPlainYears() {
        for (int i = 0; i < msb.length; i++) {
            if (version[i] != EMPTY && !(plain(dueAt[i]) && plain(submittedAt[i]) && plain(signedOffAt[i]))) {
                return false;
            }
        }
        return true;
    }

    private static boolean plain(long micros) {
        return micros == NO_TIME || (micros >= FIRST_MICROS && micros < AFTER_LAST_MICROS);
    }

    /**
     * As {@link #copyText(int, java.util.function.Consumer)}; with {@code isoTimes} the times are written as
     * ISO-8601 instants (for a COPY straight into hazard_fact's timestamptz columns; only when
     * {@link #timesInPlainYears}), otherwise as microseconds since the epoch.
     */
    void copyText(int chunk, boolean isoTimes, java.util.function.Consumer<StringBuilder> sink) {
        StringBuilder b = new StringBuilder(chunk + 512);
        String[] escaped = new String[names.size()];
        for (int n = 0; n < escaped.length; n++) {
            escaped[n] = escape(names.get(n));
        }
        for (int i : orderByCountyAndPeriod()) {
            b.append(new UUID(msb[i], lsb[i])).append('\t').append(escaped[county[i]]).append('\t').append(period[i]).append('\t')
                    .append(escaped[grade[i]]).append('\t').append(escaped[status[i]]).append('\t');
            time(b, dueAt[i], isoTimes).append('\t');
            time(b, submittedAt[i], isoTimes).append('\t');
            time(b, signedOffAt[i], isoTimes).append('\t');
            b.append(reopenings[i]).append('\t').append(version[i]).append('\n');
            if (b.length() >= chunk) {
                sink.accept(b);
                b.setLength(0);
            }
        }
        if (!b.isEmpty()) {
            sink.accept(b);
        }
    }

    private static StringBuilder time(StringBuilder b, long micros, boolean iso) {
        if (micros == NO_TIME) {
            return b.append("\\N");
        }
        if (!iso) {
            return b.append(micros);
        }
        return iso(b, micros);
    }

    /**
     * {@code yyyy-MM-dd HH:mm:ss.ffffff+00} of an instant in the years 1 to 9999 given in microseconds since
     * the epoch, written digit by digit (a formatter per value was a tenth of the rebuild's final write).
     */
    static StringBuilder iso(StringBuilder b, long micros) {
        long secs = Math.floorDiv(micros, 1_000_000L);
        int fraction = (int) Math.floorMod(micros, 1_000_000L);
        long day = Math.floorDiv(secs, 86_400L);
        int second = (int) Math.floorMod(secs, 86_400L);
        // the civil date of a day since the epoch (H. Hinnant's days_from_civil, inverted)
        long z = day + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long d = doy - (153 * mp + 2) / 5 + 1;
        long m = mp < 10 ? mp + 3 : mp - 9;
        long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
        digits(b, y, 4).append('-');
        digits(b, m, 2).append('-');
        digits(b, d, 2).append(' ');
        digits(b, second / 3600, 2).append(':');
        digits(b, second / 60 % 60, 2).append(':');
        digits(b, second % 60, 2).append('.');
        return digits(b, fraction, 6).append("+00");
    }

    private static StringBuilder digits(StringBuilder b, long value, int width) {
        for (long p = pow10(width - 1); p > 0; p /= 10) {
            b.append((char) ('0' + value / p % 10));
        }
        return b;
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }

    /** A text value in COPY's text format: backslash, tab, newline and carriage return escaped. */
    static String escape(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String e = switch (c) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (e != null && b == null) {
                b = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (b != null) {
                if (e != null) {
                    b.append(e);
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? s : b.toString();
    }
}
