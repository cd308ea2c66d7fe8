package io.rectify.contracts.hazard;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The five assurances (五落实) of a rectification plan. */
public record RectificationPlan(
        String responsiblePerson,
        String measures,
        BigDecimal fundingCny,
        LocalDate deadline,
        String contingencyPlan) {
}
