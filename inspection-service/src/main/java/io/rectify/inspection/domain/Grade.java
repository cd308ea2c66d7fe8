package io.rectify.inspection.domain;

/** A finding's grade; a MAJOR one must name the major-hazard criterion it meets. */
public enum Grade {
    GENERAL, MAJOR
}
