package io.rectify.scoring.report;

import io.rectify.scoring.domain.DemonstrationGaps;
import io.rectify.scoring.domain.Rubric;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IndexChartTest {

    private static final Rubric.Demonstration RULE = new Rubric.Demonstration(BigDecimal.valueOf(90), BigDecimal.valueOf(90));

    @Test
    void keepsTheLatestDaysScalesToTheHeightAndLabelsSomeColumns() {
        List<IndexChart.Point> points = new ArrayList<>();
        LocalDate day = LocalDate.of(2024, 1, 1);
        for (int i = 0; i < 50; i++) {
            points.add(new IndexChart.Point(day.plusDays(i), i == 3 ? null : BigDecimal.valueOf(50 + i)));
        }
        IndexChart chart = IndexChart.of(points);
        assertThat(chart.columns()).hasSize(IndexChart.MAX_COLUMNS);
        assertThat(chart.columns().get(chart.columns().size() - 1).day()).isEqualTo(day.plusDays(49));
        IndexChart.Column last = chart.columns().get(chart.columns().size() - 1);
        assertThat(last.heightMm()).isEqualByComparingTo("29.7"); // 99 of 100 on 30 mm
        assertThat(last.heightMm().add(last.gapMm())).isEqualByComparingTo(IndexChart.HEIGHT_MM);
        assertThat(chart.columns().stream().filter(c -> !c.label().isEmpty()).count()).isBetween(8L, 10L);
        assertThat(chart.max()).isEqualByComparingTo("99");
        assertThat(IndexChart.of(List.of()).empty()).isTrue();
    }

    @Test
    void demonstrationGapsNameEveryUnmetConditionAndNoneWhenEligible() {
        assertThat(DemonstrationGaps.of(new BigDecimal("95.0"), 0, new BigDecimal("100"), RULE)).isEmpty();
        assertThat(DemonstrationGaps.of(new BigDecimal("89.9"), 2, null, RULE)).extracting(DemonstrationGaps.Gap::code)
                .containsExactly(DemonstrationGaps.INDEX_BELOW, DemonstrationGaps.MAJOR_OVERDUE, DemonstrationGaps.COVERAGE_NOT_APPLICABLE);
        assertThat(DemonstrationGaps.of(null, 0, new BigDecimal("80"), RULE)).extracting(DemonstrationGaps.Gap::code)
                .containsExactly(DemonstrationGaps.NO_INDEX, DemonstrationGaps.COVERAGE_BELOW);
        assertThat(CountyReportView.gap(DemonstrationGaps.of(new BigDecimal("89.9"), 0, new BigDecimal("95"), RULE).get(0)).zh())
                .isEqualTo("综合指数 89.9 低于 90");
    }
}
