package io.rectify.inspection.domain;

import java.util.Optional;

/** The kinds of evidence; two of them may only be taken with the enterprise's consent. */
public enum EvidenceKind {
    PHOTO(null),
    DOCUMENT(null),
    CONTROL_SYSTEM_DATA(ConsentScope.CONTROL_SYSTEM_DATA),
    DOCUMENT_COPY(ConsentScope.DOCUMENT_COPY);

    private final ConsentScope requiredConsent;

    EvidenceKind(ConsentScope requiredConsent) {
        this.requiredConsent = requiredConsent;
    }

    /** The consent the enterprise must have given before evidence of this kind may be recorded. */
    public Optional<ConsentScope> requiredConsent() {
        return Optional.ofNullable(requiredConsent);
    }
}
