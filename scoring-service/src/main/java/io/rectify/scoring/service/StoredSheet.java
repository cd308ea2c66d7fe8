package io.rectify.scoring.service;

import io.rectify.contracts.scoring.ScoringSheet;

import java.time.Instant;

/** A scoring sheet as stored: its document and whether it is the one in force for its period. */
public record StoredSheet(String version, ScoringSheet document, boolean active, long revision,
                          Instant createdAt, Instant updatedAt, Instant activatedAt) {
}
