package io.rectify.notification.domain;

/**
 * ACTIVE while the hazard is OPEN or RECTIFYING; PAUSED while its rectification waits for or passed
 * verification; CLOSED once signed off (nothing more is sent).
 */
public enum ChaseStatus {
    ACTIVE,
    PAUSED,
    CLOSED;

    /** The chase status a hazard status implies. */
    public static ChaseStatus forHazardStatus(String hazardStatus) {
        if (hazardStatus == null) {
            return ACTIVE;
        }
        return switch (hazardStatus) {
            case "SIGNED_OFF" -> CLOSED;
            case "PENDING_VERIFICATION", "VERIFIED" -> PAUSED;
            default -> ACTIVE;
        };
    }
}
