package io.rectify.hazard.rest;

import io.rectify.hazard.domain.Grade;
import io.rectify.hazard.domain.HazardStatus;
import io.rectify.hazard.service.HazardFilter;
import io.rectify.platform.problem.ProblemException;
import io.rectify.platform.rest.QueryValues;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.time.Instant;
import java.time.LocalDate;
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

    /** The filter, or a 422 problem naming the first parameter that cannot be read (the platform's input vocabulary). */
    public HazardFilter toFilter(ZoneId zone) {
        Instant reportedFrom = reported("from", from, zone, false);
        Instant reportedTo = reported("to", to, zone, true);
        if (reportedFrom != null && reportedTo != null && reportedFrom.isAfter(reportedTo)) {
            throw ProblemException.invalid("from", "must not be after to");
        }
        return new HazardFilter(QueryValues.text(county), QueryValues.text(enterprise),
                QueryValues.enumOf("status", status, HazardStatus.class), QueryValues.enumOf("grade", grade, Grade.class),
                QueryValues.text(keyTask), QueryValues.bool("overdue", overdue), reportedFrom, reportedTo);
    }

    /** A date is a day in the hazard zone (as an upper bound, the whole day); anything else an ISO-8601 timestamp. */
    private static Instant reported(String name, String value, ZoneId zone, boolean upperBound) {
        String text = QueryValues.text(value);
        if (text != null && text.length() == 10) {
            LocalDate day = QueryValues.date(name, text);
            return (upperBound ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
        }
        return QueryValues.instant(name, text, upperBound);
    }
}
