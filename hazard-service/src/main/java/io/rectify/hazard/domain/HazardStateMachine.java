package io.rectify.hazard.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hazard lifecycle as a table: which action is allowed in which status and where it leads. Pure, so
 * the REST layer, the tests and the benchmarks all share exactly one definition.
 *
 * <pre>
 * OPEN --PLAN--> RECTIFYING --SUBMIT_RECTIFICATION--> PENDING_VERIFICATION --VERIFY_ACCEPT--> VERIFIED --SIGN_OFF--> SIGNED_OFF
 *                    ^------------------------VERIFY_REJECT-----------'                                                |
 *                    ^------------------------------------------REOPEN------------------------------------------------'
 * EXTEND_DEADLINE keeps the status; it is allowed while the work is not verified yet.
 * </pre>
 */
public final class HazardStateMachine {

    private static final Map<HazardStatus, Map<HazardAction, HazardStatus>> TRANSITIONS = new EnumMap<>(HazardStatus.class);

    static {
        allow(HazardStatus.OPEN, HazardAction.PLAN, HazardStatus.RECTIFYING);
        allow(HazardStatus.OPEN, HazardAction.EXTEND_DEADLINE, HazardStatus.OPEN);
        allow(HazardStatus.RECTIFYING, HazardAction.SUBMIT_RECTIFICATION, HazardStatus.PENDING_VERIFICATION);
        allow(HazardStatus.RECTIFYING, HazardAction.EXTEND_DEADLINE, HazardStatus.RECTIFYING);
        allow(HazardStatus.PENDING_VERIFICATION, HazardAction.VERIFY_ACCEPT, HazardStatus.VERIFIED);
        allow(HazardStatus.PENDING_VERIFICATION, HazardAction.VERIFY_REJECT, HazardStatus.RECTIFYING);
        // a regulator may grant more time while a rejection is still possible
        allow(HazardStatus.PENDING_VERIFICATION, HazardAction.EXTEND_DEADLINE, HazardStatus.PENDING_VERIFICATION);
        allow(HazardStatus.VERIFIED, HazardAction.SIGN_OFF, HazardStatus.SIGNED_OFF);
        allow(HazardStatus.SIGNED_OFF, HazardAction.REOPEN, HazardStatus.RECTIFYING);
    }

    private HazardStateMachine() {
    }

    private static void allow(HazardStatus from, HazardAction action, HazardStatus to) {
        TRANSITIONS.computeIfAbsent(from, s -> new EnumMap<>(HazardAction.class)).put(action, to);
    }

    /** The status {@code action} leads to from {@code from}, or empty when it is not allowed there. */
    public static Optional<HazardStatus> next(HazardStatus from, HazardAction action) {
        return Optional.ofNullable(TRANSITIONS.getOrDefault(from, Map.of()).get(action));
    }

    /** The actions allowed in {@code status}, in declaration order (for the 409 answer). */
    public static List<HazardAction> allowedActions(HazardStatus status) {
        Map<HazardAction, HazardStatus> out = TRANSITIONS.get(status);
        return out == null ? List.of() : Collections.unmodifiableList(List.copyOf(out.keySet()));
    }
}
