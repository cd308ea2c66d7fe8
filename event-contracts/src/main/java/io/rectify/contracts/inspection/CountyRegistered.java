package io.rectify.contracts.inspection;

import java.time.Instant;

/** A key county was registered or changed (the latest one wins). Key: the county code. */
public record CountyRegistered(
        String code,
        String name,
        String city,
        String province,
        String tier,
        String status,
        Instant occurredAt) implements InspectionEvent {

    @Override
    public String aggregateId() {
        return code;
    }

    @Override
    public String countyCode() {
        return code;
    }
}
