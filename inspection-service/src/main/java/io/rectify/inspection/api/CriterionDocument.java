package io.rectify.inspection.api;

import io.rectify.inspection.domain.MajorHazardCriterion;

public record CriterionDocument(String code, String nameZh, String nameEn) {

    public static CriterionDocument of(MajorHazardCriterion c) {
        return new CriterionDocument(c.code, c.nameZh, c.nameEn);
    }
}
