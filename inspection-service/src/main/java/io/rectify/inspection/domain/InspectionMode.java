package io.rectify.inspection.domain;

/** The two forms of expert guidance: centralised guidance (集中指导) and continuous assistance (持续帮扶). */
public enum InspectionMode {
    CENTRALISED, CONTINUOUS_ASSISTANCE
}
