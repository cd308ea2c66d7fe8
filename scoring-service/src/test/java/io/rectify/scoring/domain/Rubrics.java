package io.rectify.scoring.domain;

import io.rectify.contracts.EventJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The shipped default rubric, read the way the service reads it. */
final class Rubrics {

    private Rubrics() {
    }

    static RubricDocument defaultDocument() {
        try (InputStream in = Rubrics.class.getResourceAsStream("/rubrics/2024.1.json")) {
            return EventJson.mapper().readValue(in, RubricDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Rubric defaultRubric() {
        return Rubric.of(defaultDocument());
    }
}
