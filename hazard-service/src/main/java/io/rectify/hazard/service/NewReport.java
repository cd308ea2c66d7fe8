package io.rectify.hazard.service;

import io.rectify.contracts.hazard.Actor;
import io.rectify.hazard.api.ReportHazardRequest;
import io.rectify.hazard.domain.Hazard;

/**
 * A report checked and ready to write ({@link HazardService#prepareReport}): the new hazard (not yet
 * persisted), what the reporter sent (its history line's payload), who reported it and the trace the
 * request belongs to (its event continues that trace, whichever thread writes it).
 */
public record NewReport(Hazard hazard, ReportHazardRequest request, Actor actor, String traceparent) {
}
