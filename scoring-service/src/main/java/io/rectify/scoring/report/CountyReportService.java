package io.rectify.scoring.report;

import io.rectify.contracts.scoring.CountyIndexDocument;
import io.rectify.platform.api.PageRequest;
import io.rectify.scoring.config.ScoringConfig;
import io.rectify.scoring.domain.DeductionCode;
import io.rectify.scoring.domain.DemonstrationGaps;
import io.rectify.scoring.domain.IndicatorCode;
import io.rectify.scoring.domain.Rubric;
import io.rectify.scoring.service.CountyIndexService;
import io.rectify.scoring.service.CountyRef;
import io.rectify.scoring.service.IndexQueries;
import io.rectify.scoring.service.RubricService;
import io.rectify.scoring.service.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** Gathers a {@link CountyReport} from the published answers, the rubric, the index history and the hazard facts. */
@ApplicationScoped
public class CountyReportService {

    /** Overdue major hazards listed by name; the report says how many there are in all. */
    static final int OVERDUE_LISTED = 30;

    @Inject
    IndexQueries queries;

    @Inject
    CountyIndexService indexes;

    @Inject
    RubricService rubrics;

    @Inject
    ScoringConfig config;

    @Inject
    Sql sql;

    @Inject
    Clock clock;

    @Transactional
    public CountyReport report(CountyRef county, int period) {
        Instant now = clock.instant();
        ZoneId zone = config.periodZone();
        CountyIndexDocument index = queries.current(county.code(), period).map(IndexQueries.Current::document)
                .orElseGet(() -> indexes.preview(county, period));
        Rubric.Demonstration rule = rubrics.find(index.rubricVersion())
                .map(stored -> Rubric.of(stored.document()).demonstration())
                .orElseGet(() -> rubrics.active().demonstration());

        List<CountyReport.OverdueMajor> overdue = sql.list("""
                        select id, status, due_at from hazard_fact
                         where county_code = ? and grade = 'MAJOR' and status in ('OPEN', 'RECTIFYING') and due_at < ?
                         order by due_at, id limit ?""",
                rs -> {
                    Instant due = Sql.instant(rs, "due_at");
                    return new CountyReport.OverdueMajor(rs.getObject(1, UUID.class), rs.getString(2), CountyReport.local(due, zone),
                            Duration.between(due, now).toDays());
                }, county.code(), now, OVERDUE_LISTED);
        long overdueTotal = sql.one("""
                        select count(*) from hazard_fact
                         where county_code = ? and grade = 'MAJOR' and status in ('OPEN', 'RECTIFYING') and due_at < ?""",
                rs -> rs.getLong(1), county.code(), now).orElse(0L);
        // the rule as the calculator applied it: the count its OVERDUE_MAJOR deduction saw, else the facts now
        long overdueCounted = index.deductions().stream().filter(d -> DeductionCode.OVERDUE_MAJOR.name().equals(d.code()))
                .mapToLong(CountyIndexDocument.DeductionResult::count).findFirst().orElse(overdueTotal);
        BigDecimal coverage = index.indicators().stream()
                .filter(i -> IndicatorCode.COVERAGE.name().equals(i.code()) && i.applicable())
                .map(CountyIndexDocument.IndicatorResult::score).findFirst().orElse(null);
        List<DemonstrationGaps.Gap> gaps = DemonstrationGaps.of(index.index(), overdueCounted, coverage, rule);

        // the whole ranking, a page at a time (pages are bounded): the county's position needs every county
        List<IndexQueries.RankingEntry> ranking = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            List<IndexQueries.RankingEntry> items = queries.rankings(period, c -> true, PageRequest.of(page, PageRequest.MAX_SIZE)).items();
            ranking.addAll(items);
            if (items.size() < PageRequest.MAX_SIZE) {
                break;
            }
        }
        Integer rank = ranking.stream().filter(r -> r.countyCode().equals(county.code())).map(IndexQueries.RankingEntry::rank)
                .findFirst().orElse(null);
        int ranked = (int) ranking.stream().filter(r -> r.index() != null).count();

        List<IndexChart.Point> daily = sql.list("""
                        select distinct on (day) day, index_value from (
                            select (computed_at at time zone ?)::date as day, index_value, computed_at, id
                              from county_index_history where county_code = ? and period = ?) h
                         order by day, computed_at desc, id desc""",
                rs -> new IndexChart.Point(rs.getObject(1, java.time.LocalDate.class), rs.getBigDecimal(2)),
                zone.getId(), county.code(), period);

        return new CountyReport(index, county.city(), county.province(), rule.minIndex(), rule.minCoverage(), gaps, rank, ranked,
                IndexChart.of(daily), overdue, overdueTotal, CountyReport.local(now, zone), CountyReport.local(index.computedAt(), zone));
    }
}
