package io.rectify.inspection.api;

import io.rectify.inspection.domain.County;
import io.rectify.inspection.domain.CountyStatus;
import io.rectify.inspection.domain.CountyTier;

import java.time.Instant;

public record CountyDocument(String code, String name, String city, String province, CountyTier tier, CountyStatus status,
                             Instant createdAt, Instant updatedAt, long version) {

    public static CountyDocument of(County c) {
        return new CountyDocument(c.code, c.name, c.city, c.province, c.tier, c.status, c.createdAt, c.updatedAt, c.version);
    }
}
