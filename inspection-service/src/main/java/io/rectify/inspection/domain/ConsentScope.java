package io.rectify.inspection.domain;

/** What an enterprise may consent to: experts viewing its control-system (DCS/SIS) data, or copying its documents. */
public enum ConsentScope {
    CONTROL_SYSTEM_DATA, DOCUMENT_COPY
}
