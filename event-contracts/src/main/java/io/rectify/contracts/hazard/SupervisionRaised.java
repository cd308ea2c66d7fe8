package io.rectify.contracts.hazard;

import java.time.Instant;
import java.util.UUID;

/**
 * The chase of a major hazard escalated to the city or the province, and its listed supervision (挂牌督办)
 * rose with it: from now on its sign-off needs a regulator of {@code toLevel} or above.
 *
 * @param escalationId the notification of the {@code EscalationRaised} that drove the rise
 */
public record SupervisionRaised(HazardSnapshot hazard, Actor actor, Instant occurredAt, String fromLevel, String toLevel,
                                UUID escalationId) implements HazardEvent {
}
