package io.rectify.scoring.service;

import io.rectify.contracts.EventJson;
import io.rectify.contracts.scoring.CountyIndexDocument;
import io.rectify.platform.api.PageRequest;
import io.rectify.platform.api.PageResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Reads of the published answers: a county's current document, its history, the rankings. */
@ApplicationScoped
public class IndexQueries {

    @Inject
    Sql sql;

    /** The last published document of a county and period with its revision (the ETag). */
    public record Current(CountyIndexDocument document, long revision) {
    }

    /** One entry of a county's time series (the full document is the current answer's). */
    public record HistoryEntry(String countyCode, int period, String rubricVersion, BigDecimal index, String reason,
                               BigDecimal base, boolean demonstrationEligible, Instant computedAt) {
    }

    /**
     * One county in the rankings of a period.
     *
     * @param rank       competition rank over all counties of the period by the yardstick asked for (1, 2, 2, 4 …),
     *                   the same whoever asks; {@code null} for a county without a value (NO_DATA, no sheet assessment)
     * @param sheetScore the scoring-sheet score (0–100) of the county's last submitted assessment; {@code null} without one
     */
    public record RankingEntry(Integer rank, String countyCode, String countyName, String city, String province,
                               BigDecimal index, String reason, boolean demonstrationEligible, String rubricVersion,
                               Instant computedAt, BigDecimal sheetScore) {

        public CountyRef county() {
            return new CountyRef(countyCode, countyName, city, province);
        }
    }

    @Transactional
    public Optional<Current> current(String countyCode, int period) {
        return sql.one("select document, revision from county_index_current where county_code = ? and period = ?",
                rs -> new Current(EventJson.read(rs.getString(1), CountyIndexDocument.class), rs.getLong(2)), countyCode, period);
    }

    @Transactional
    public PageResult<HistoryEntry> history(String countyCode, Integer period, Instant from, Instant to, PageRequest page) {
        String where = " where county_code = ? and (cast(? as int) is null or period = ?)"
                + " and (cast(? as timestamptz) is null or computed_at >= ?) and (cast(? as timestamptz) is null or computed_at < ?)";
        Object[] args = {countyCode, period, period, from, from, to, to};
        long total = sql.one("select count(*) from county_index_history" + where, rs -> rs.getLong(1), args).orElse(0L);
        List<Object> pageArgs = new ArrayList<>(java.util.Arrays.asList(args));
        pageArgs.add(page.size());
        pageArgs.add(page.offset());
        List<HistoryEntry> items = sql.list("""
                select county_code, period, rubric_version, index_value, reason, base, demonstration_eligible, computed_at
                  from county_index_history""" + where + " order by computed_at, id limit ? offset ?",
                rs -> new HistoryEntry(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getBigDecimal(4), rs.getString(5),
                        rs.getBigDecimal(6), rs.getBoolean(7), Sql.instant(rs, "computed_at")),
                pageArgs.toArray());
        return page.result(items, total);
    }

    /** The period's counties by index (highest first, NO_DATA last), those {@code visible} only, one page. */
    @Transactional
    public PageResult<RankingEntry> rankings(int period, Predicate<CountyRef> visible, PageRequest page) {
        return rankings(period, false, visible, page);
    }

    /** The period's counties by index or by sheet score (highest first, no value last), those {@code visible} only, one page. */
    @Transactional
    public PageResult<RankingEntry> rankings(int period, boolean bySheet, Predicate<CountyRef> visible, PageRequest page) {
        String order = bySheet ? "sheet_score desc nulls last, index_value desc nulls last, county_code"
                : "index_value desc nulls last, county_code";
        List<RankingEntry> ranked = new ArrayList<>();
        int position = 0;
        Integer rank = null;
        BigDecimal previous = null;
        for (RankingEntry row : sql.list("""
                select county_code, county_name, city, province, index_value, reason, demonstration_eligible, rubric_version, computed_at,
                       sheet_score
                  from county_index_current where period = ?""" + " order by " + order,
                rs -> new RankingEntry(null, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5),
                        rs.getString(6), rs.getBoolean(7), rs.getString(8), Sql.instant(rs, "computed_at"), rs.getBigDecimal(10)), period)) {
            position++;
            BigDecimal value = bySheet ? row.sheetScore() : row.index();
            if (value == null) {
                rank = null;
            } else if (previous == null || value.compareTo(previous) != 0) {
                rank = position;
            }
            previous = value;
            if (visible.test(row.county())) {
                ranked.add(new RankingEntry(rank, row.countyCode(), row.countyName(), row.city(), row.province(), row.index(),
                        row.reason(), row.demonstrationEligible(), row.rubricVersion(), row.computedAt(), row.sheetScore()));
            }
        }
        return page.slice(ranked);
    }
}
