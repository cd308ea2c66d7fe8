package io.rectify.hazard.rest;

/** The kinds of evidence of domain.md. */
public enum EvidenceKind {
    PHOTO,
    DOCUMENT,
    CONTROL_SYSTEM_DATA,
    DOCUMENT_COPY
}
