package io.rectify.hazard.service;

import io.rectify.hazard.domain.Grade;
import io.rectify.hazard.domain.HazardStatus;

/** What a hazard search asks for; every field is optional. */
public record HazardFilter(String countyCode, String enterpriseCreditCode, HazardStatus status, Grade grade,
                           String keyTask, Boolean overdue) {
}
