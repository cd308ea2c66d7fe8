package io.rectify.scoring.service;

import io.rectify.scoring.domain.HazardFact;

import io.rectify.contracts.inspection.SheetMark;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One change to the facts, decoded from an upstream event ({@link FactUpdates#decode}). */
public sealed interface FactUpdate {

    /** CountyRegistered: the latest registration (by occurredAt, then event id) wins. */
    record CountyUpdate(String code, String name, String city, String province, Instant occurredAt, UUID eventId) implements FactUpdate {
    }

    /** EnterpriseRegistered: the latest registration wins; it may move the enterprise to another county. */
    record EnterpriseUpdate(String creditCode, String countyCode, Instant occurredAt, UUID eventId) implements FactUpdate {
    }

    /** InspectionCompleted: the enterprise was inspected in {@code period}. */
    record InspectionUpdate(UUID inspectionId, String creditCode, String countyCode, int period, Instant completedAt) implements FactUpdate {
    }

    /** Any hazard event: its snapshot, applied only when {@code version} is newer than the stored one. */
    record HazardUpdate(HazardFact fact, String countyCode, String city, String province, int period, long version) implements FactUpdate {
    }

    /** SheetAssessed: the team's marks of a county and period; the latest submission (submittedAt, then id) wins. */
    record SheetAssessmentUpdate(UUID assessmentId, String countyCode, int period, String sheetVersion, List<SheetMark> marks,
                                 Instant submittedAt) implements FactUpdate {
    }
}
