package io.rectify.inspection.domain;

/** A consent asked for by an expert, and one the enterprise has given (only this one counts). */
public enum ConsentStatus {
    REQUESTED, GRANTED
}
