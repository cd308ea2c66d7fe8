package io.rectify.scoring.service;

import io.rectify.scoring.domain.RubricDocument;

import java.time.Instant;

/** A rubric as stored: its document and whether it is the one in force. */
public record StoredRubric(String version, RubricDocument document, boolean active, long revision,
                           Instant createdAt, Instant updatedAt, Instant activatedAt) {
}
