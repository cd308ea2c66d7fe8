package io.rectify.scoring.report;

import io.rectify.contracts.scoring.CountyIndexDocument;
import io.rectify.scoring.domain.DemonstrationGaps;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * A {@link CountyReport} as the template prints it: every figure already formatted, every code with its
 * Chinese and English name, so the template only lays out text.
 */
public record CountyReportView(
        String countyCode,
        String countyName,
        String place,
        int period,
        String rubricVersion,
        String index,
        String base,
        String reason,
        boolean eligible,
        List<Gap> gaps,
        String rank,
        List<Indicator> indicators,
        List<Deduction> deductions,
        String deductedTotal,
        IndexChart chart,
        List<Overdue> overdue,
        long overdueTotal,
        String computedAt,
        String generatedAt) {

    public record Indicator(String code, String zh, String en, String numerator, String denominator, String rate, String score,
                            String weight, String effectiveWeight, String contribution, boolean applicable) {
    }

    public record Deduction(String code, String zh, String en, long count, String pointsEach, String cap, String points) {
    }

    public record Gap(String zh, String en) {
    }

    public record Overdue(String hazardId, String status, String dueAt, long daysOverdue) {
    }

    static final Map<String, String[]> INDICATOR_NAMES = Map.of(
            "COVERAGE", new String[]{"检查覆盖率", "Inspection coverage"},
            "RECTIFICATION_RATE", new String[]{"隐患整改率", "Rectification rate"},
            "ON_TIME_RATE", new String[]{"按期整改率", "On-time rate"},
            "MAJOR_CLOSURE_RATE", new String[]{"重大隐患销号率", "Major hazard closure rate"},
            "REPEAT_FREE_RATE", new String[]{"隐患未复发率", "Repeat-free rate"});

    static final Map<String, String[]> DEDUCTION_NAMES = Map.of(
            "OVERDUE_MAJOR", new String[]{"重大隐患逾期", "Major hazard overdue"},
            "LONG_OVERDUE_GENERAL", new String[]{"一般隐患长期逾期", "General hazard long overdue"});

    static final Map<String, String> STATUS = Map.of("OPEN", "待整改 Open", "RECTIFYING", "整改中 Rectifying");

    public static CountyReportView of(CountyReport r) {
        CountyIndexDocument d = r.index();
        List<Indicator> indicators = d.indicators().stream().map(i -> {
            String[] n = INDICATOR_NAMES.getOrDefault(i.code(), new String[]{i.code(), i.code()});
            return new Indicator(i.code(), n[0], n[1], String.valueOf(i.numerator()), String.valueOf(i.denominator()),
                    i.applicable() ? percent(i.rate()) : "—", i.applicable() ? fixed(i.score(), 1) : "—", fixed(i.weight(), 0),
                    percent(i.effectiveWeight()), fixed(i.contribution(), 2), i.applicable());
        }).toList();
        List<Deduction> deductions = d.deductions().stream().map(x -> {
            String[] n = DEDUCTION_NAMES.getOrDefault(x.code(), new String[]{x.code(), x.code()});
            return new Deduction(x.code(), n[0], n[1], x.count(), fixed(x.pointsEach(), 1), fixed(x.cap(), 1), fixed(x.points(), 1));
        }).toList();
        BigDecimal deducted = d.deductions().stream().map(CountyIndexDocument.DeductionResult::points)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        String rank = r.rank() == null ? "—" : r.rank() + " / " + r.rankedCounties();
        String place = String.join(" · ", java.util.stream.Stream.of(r.city(), r.province()).filter(s -> s != null && !s.isBlank()).toList());
        return new CountyReportView(d.countyCode(), d.countyName() == null ? d.countyCode() : d.countyName(), place, d.period(),
                d.rubricVersion(), d.index() == null ? "—" : fixed(d.index(), 1), d.base() == null ? "—" : fixed(d.base(), 2),
                d.reason(), d.demonstrationEligible(), r.gaps().stream().map(g -> gap(g)).toList(), rank, indicators, deductions,
                fixed(deducted, 1), r.chart(),
                r.overdueMajors().stream().map(o -> new Overdue(o.hazardId().toString(), STATUS.getOrDefault(o.status(), o.status()),
                        o.dueAt().toString().replace('T', ' '), o.daysOverdue())).toList(),
                r.overdueMajorTotal(), r.computedAt() == null ? "—" : r.computedAt().toString().replace('T', ' '),
                r.generatedAt().toString().replace('T', ' '));
    }

    static Gap gap(DemonstrationGaps.Gap g) {
        String actual = g.actual() == null ? "" : fixed(g.actual(), 1);
        String required = g.required() == null ? "" : fixed(g.required(), 0);
        return switch (g.code()) {
            case DemonstrationGaps.NO_INDEX -> new Gap("尚无综合指数（无适用指标）", "no index yet (no indicator applies)");
            case DemonstrationGaps.INDEX_BELOW -> new Gap("综合指数 " + actual + " 低于 " + required,
                    "index " + actual + " below " + required);
            case DemonstrationGaps.MAJOR_OVERDUE -> new Gap(g.actual().longValue() + " 项重大隐患逾期未整改",
                    g.actual().longValue() + " major hazard(s) overdue");
            case DemonstrationGaps.COVERAGE_NOT_APPLICABLE -> new Gap("检查覆盖率不适用（无登记企业）",
                    "coverage not applicable (no registered enterprise)");
            case DemonstrationGaps.COVERAGE_BELOW -> new Gap("检查覆盖率 " + actual + " 低于 " + required,
                    "coverage " + actual + " below " + required);
            default -> new Gap(g.code(), g.code());
        };
    }

    static String fixed(BigDecimal v, int scale) {
        return v == null ? "—" : v.setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }

    static String percent(BigDecimal v) {
        return v == null ? "—" : v.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
