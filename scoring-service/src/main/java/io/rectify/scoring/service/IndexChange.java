package io.rectify.scoring.service;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One change of a county's answer, as pushed to the SSE stream (and later the operators' dashboard)
 * once the transaction that stored it has committed.
 *
 * @param previousIndex the index before the change ({@code null} when there was none or it was NO_DATA)
 * @param revision      the county/period document's revision, the ETag of {@code GET …/index}
 */
public record IndexChange(
        String countyCode,
        String countyName,
        String city,
        String province,
        int period,
        BigDecimal index,
        BigDecimal previousIndex,
        String reason,
        boolean demonstrationEligible,
        String rubricVersion,
        long revision,
        Instant computedAt) {
}
