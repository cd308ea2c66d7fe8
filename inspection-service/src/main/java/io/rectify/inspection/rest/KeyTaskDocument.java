package io.rectify.inspection.rest;

import io.rectify.inspection.domain.KeyTask;

public record KeyTaskDocument(String code, String nameZh, String nameEn, String description) {

    public static KeyTaskDocument of(KeyTask k) {
        return new KeyTaskDocument(k.code, k.nameZh, k.nameEn, k.description);
    }
}
