package io.rectify.hazard.rest;

import io.rectify.hazard.domain.Grade;
import io.rectify.hazard.domain.HazardStatus;
import io.rectify.hazard.service.HazardFilter;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.time.Instant;
import java.time.ZoneId;

/**
 * The filter of {@code GET /api/v1/hazards} and of its export, read once for both (use with
 * {@code @BeanParam}): the export takes exactly the search's filters.
 */
public class HazardFilterParams {

    @Parameter(description = "county code")
    @QueryParam("county")
    public String county;

    @Parameter(description = "enterprise credit code")
    @QueryParam("enterprise")
    public String enterprise;

    @Parameter(schema = @Schema(implementation = HazardStatus.class))
    @QueryParam("status")
    public String status;

    @Parameter(schema = @Schema(implementation = Grade.class))
    @QueryParam("grade")
    public String grade;

    @Parameter(description = "key task code")
    @QueryParam("keyTask")
    public String keyTask;

    @Parameter(description = "true: past due while OPEN or RECTIFYING", schema = @Schema(implementation = Boolean.class))
    @QueryParam("overdue")
    public String overdue;

    @Parameter(description = "reported at or after: a date (its start, in the hazard zone) or a timestamp")
    @QueryParam("from")
    public String from;

    @Parameter(description = "reported before: a date (the whole day included) or a timestamp")
    @QueryParam("to")
    public String to;

    /** The filter, or a 400 problem naming the first malformed parameter. */
    public HazardFilter toFilter(ZoneId zone) {
        Instant reportedFrom = QueryValues.instantOf("from", from, zone, false);
        Instant reportedTo = QueryValues.instantOf("to", to, zone, true);
        if (reportedFrom != null && reportedTo != null && reportedFrom.isAfter(reportedTo)) {
            throw QueryValues.malformed("from", "must not be after to");
        }
        return new HazardFilter(QueryValues.textOf(county), QueryValues.textOf(enterprise),
                QueryValues.enumOf(HazardStatus.class, "status", status), QueryValues.enumOf(Grade.class, "grade", grade),
                QueryValues.textOf(keyTask), QueryValues.booleanOf("overdue", overdue), reportedFrom, reportedTo);
    }
}
