package io.rectify.inspection.domain;

/** How much guidance a key county gets: it leads, it improves, or it gets full guidance. */
public enum CountyTier {
    LEAD, IMPROVE, FULL_GUIDANCE
}
