package io.rectify.hazard.export;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One hazard on the register, as read for the export (codes still raw; labels come from {@link Labels}). */
public record RegisterRow(
        UUID id,
        String countyCode,
        String countyName,
        String enterpriseCreditCode,
        String enterpriseName,
        String source,
        String keyTask,
        String grade,
        String majorCriterion,
        String description,
        Instant reportedAt,
        Instant dueAt,
        String status,
        long overdueDays,
        String planResponsiblePerson,
        String planMeasures,
        BigDecimal planFundingCny,
        LocalDate planDeadline,
        String planContingencyPlan,
        int rejections,
        int extensions,
        int reopenings,
        Instant signedOffAt,
        String signedOffBy,
        int evidenceCount,
        List<String> evidenceWarnings) {
}
