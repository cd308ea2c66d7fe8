package io.rectify.inspection.api;

import io.rectify.inspection.domain.Enterprise;

import java.time.Instant;

public record EnterpriseDocument(String creditCode, String name, String countyCode, String parkName, boolean fineChemical,
                                 Integer majorHazardInstallationGrade, Instant createdAt, Instant updatedAt, long version) {

    public static EnterpriseDocument of(Enterprise e) {
        return new EnterpriseDocument(e.creditCode, e.name, e.countyCode, e.parkName, e.fineChemical,
                e.majorHazardInstallationGrade, e.createdAt, e.updatedAt, e.version);
    }
}
