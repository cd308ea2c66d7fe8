package io.rectify.inspection.api;

import io.rectify.inspection.domain.KeyTask;

/** A key task in its current version (or, in its history, one version). */
public record KeyTaskDocument(String code, int version, String nameZh, String nameEn, String description) {

    public static KeyTaskDocument of(KeyTask k) {
        return new KeyTaskDocument(k.code, k.version, k.nameZh, k.nameEn, k.description);
    }

    public static KeyTaskDocument of(io.rectify.inspection.domain.KeyTaskVersion v) {
        return new KeyTaskDocument(v.code, v.version, v.nameZh, v.nameEn, v.description);
    }
}
