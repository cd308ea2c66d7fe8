package io.rectify.contracts.inspection;

import java.time.Instant;

/** An enterprise was registered or changed (the latest one wins). Key: the credit code. */
public record EnterpriseRegistered(
        String creditCode,
        String name,
        String countyCode,
        String parkName,
        boolean fineChemical,
        Integer majorHazardInstallationGrade,
        Instant occurredAt) implements InspectionEvent {

    @Override
    public String aggregateId() {
        return creditCode;
    }
}
