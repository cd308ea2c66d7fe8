package io.rectify.inspection.api;

import io.rectify.inspection.domain.Campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record CampaignDocument(UUID id, String name, int year, List<String> countyCodes, LocalDate startsOn, LocalDate endsOn,
                               String createdBy, Instant createdAt) {

    public static CampaignDocument of(Campaign c) {
        return new CampaignDocument(c.id, c.name, c.year, c.countyCodes.stream().sorted().toList(), c.startsOn, c.endsOn,
                c.createdBy, c.createdAt);
    }
}
