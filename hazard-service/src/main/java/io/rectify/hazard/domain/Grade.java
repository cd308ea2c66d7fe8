package io.rectify.hazard.domain;

/** A hazard's grade; a MAJOR one names its major-hazard criterion and is put under listed supervision. */
public enum Grade {
    GENERAL,
    MAJOR
}
