package io.rectify.scoring.dashboard;

import io.rectify.contracts.scoring.CountyIndexDocument;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One county on the operators' dashboard: its current index as last read from {@code county.index},
 * with the full explanation (indicators, deductions) the page shows when the county is selected.
 *
 * @param city from the scoring facts ({@code null} when the county is known only from its index)
 */
public record DashboardCounty(
        String countyCode,
        String countyName,
        String city,
        int period,
        BigDecimal index,
        String reason,
        boolean demonstrationEligible,
        String rubricVersion,
        Instant computedAt,
        CountyIndexDocument document) {

    static DashboardCounty of(CountyIndexDocument document, String city) {
        return new DashboardCounty(document.countyCode(), document.countyName(), city, document.period(), document.index(),
                document.reason(), document.demonstrationEligible(), document.rubricVersion(), document.computedAt(), document);
    }
}
