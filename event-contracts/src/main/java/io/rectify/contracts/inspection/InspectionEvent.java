package io.rectify.contracts.inspection;

import io.rectify.contracts.EventPayload;

/** Events of inspection-service on {@code inspection.events}; the record key is the aggregate id. */
public sealed interface InspectionEvent extends EventPayload
        permits CountyRegistered, EnterpriseRegistered, InspectionScheduled, InspectionStarted,
        InspectionCancelled, ConsentGranted, FindingConfirmed, InspectionCompleted, SheetAssessed, ConflictDeclared {

    String DOMAIN = "inspection";

    @Override
    default String domain() {
        return DOMAIN;
    }

    /** Every event names the county it concerns, so scoring can route it without a lookup. */
    String countyCode();
}
