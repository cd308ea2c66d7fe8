package io.rectify.hazard.api;

/** The kinds of evidence of domain.md. */
public enum EvidenceKind {
    PHOTO,
    DOCUMENT,
    CONTROL_SYSTEM_DATA,
    DOCUMENT_COPY
}
