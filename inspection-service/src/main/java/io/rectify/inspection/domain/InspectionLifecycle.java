package io.rectify.inspection.domain;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static io.rectify.inspection.domain.InspectionAction.CANCEL;
import static io.rectify.inspection.domain.InspectionAction.COMPLETE;
import static io.rectify.inspection.domain.InspectionAction.EDIT_FINDING;
import static io.rectify.inspection.domain.InspectionAction.RECORD_CONSENT;
import static io.rectify.inspection.domain.InspectionAction.RECORD_FINDING;
import static io.rectify.inspection.domain.InspectionAction.START;
import static io.rectify.inspection.domain.InspectionAction.WITHDRAW_FINDING;
import static io.rectify.inspection.domain.InspectionStatus.CANCELLED;
import static io.rectify.inspection.domain.InspectionStatus.COMPLETED;
import static io.rectify.inspection.domain.InspectionStatus.IN_PROGRESS;
import static io.rectify.inspection.domain.InspectionStatus.SCHEDULED;

/**
 * The inspection lifecycle as a table: which action is allowed in which status and where it leads.
 * Completed and cancelled inspections are frozen — no action at all. Consent may be given before the
 * visit starts (the enterprise often signs it when the visit is announced) or during it.
 */
public final class InspectionLifecycle {

    private static final Map<InspectionStatus, Map<InspectionAction, InspectionStatus>> RULES = new EnumMap<>(InspectionStatus.class);

    static {
        for (InspectionStatus s : InspectionStatus.values()) {
            RULES.put(s, new EnumMap<>(InspectionAction.class)); // COMPLETED and CANCELLED keep theirs empty
        }
        allow(SCHEDULED, START, IN_PROGRESS);
        allow(SCHEDULED, CANCEL, CANCELLED);
        allow(SCHEDULED, RECORD_CONSENT, SCHEDULED);
        allow(IN_PROGRESS, COMPLETE, COMPLETED);
        allow(IN_PROGRESS, RECORD_CONSENT, IN_PROGRESS);
        allow(IN_PROGRESS, RECORD_FINDING, IN_PROGRESS);
        allow(IN_PROGRESS, EDIT_FINDING, IN_PROGRESS);
        allow(IN_PROGRESS, WITHDRAW_FINDING, IN_PROGRESS);
    }

    private InspectionLifecycle() {
    }

    /**
     * The status after {@code action}.
     *
     * @throws TransitionRefusedException naming the current status and the allowed actions when refused
     */
    public static InspectionStatus next(InspectionStatus current, InspectionAction action) {
        InspectionStatus to = RULES.get(current).get(action);
        if (to == null) {
            throw new TransitionRefusedException(action, current, allowedActions(current));
        }
        return to;
    }

    public static boolean allows(InspectionStatus current, InspectionAction action) {
        return RULES.get(current).containsKey(action);
    }

    /** The labels of the actions allowed in {@code current}, in declaration order. */
    public static List<String> allowedActions(InspectionStatus current) {
        return Arrays.stream(InspectionAction.values())
                .filter(a -> allows(current, a))
                .map(InspectionAction::label)
                .toList();
    }

    /** One row of the table, typed (the shape of HazardStateMachine's). */
    private static void allow(InspectionStatus from, InspectionAction action, InspectionStatus to) {
        RULES.get(from).put(action, to);
    }
}
