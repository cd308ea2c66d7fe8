package io.rectify.hazard.service;

import io.rectify.hazard.domain.Grade;
import io.rectify.hazard.domain.HazardStatus;

import java.time.Instant;

/**
 * What a hazard search (and the register export, which takes the same filter) asks for; every field is
 * optional. {@code reportedFrom} is inclusive, {@code reportedTo} exclusive.
 */
public record HazardFilter(String countyCode, String enterpriseCreditCode, HazardStatus status, Grade grade,
                           String keyTask, Boolean overdue, Instant reportedFrom, Instant reportedTo) {

    public HazardFilter(String countyCode, String enterpriseCreditCode, HazardStatus status, Grade grade, String keyTask, Boolean overdue) {
        this(countyCode, enterpriseCreditCode, status, grade, keyTask, overdue, null, null);
    }
}
