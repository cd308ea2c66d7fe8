package io.rectify.notification.service;

import io.rectify.contracts.Topics;
import io.rectify.contracts.notification.NotificationAcknowledged;
import io.rectify.notification.domain.Notification;
import io.rectify.notification.domain.NotificationStatus;
import io.rectify.platform.outbox.Outbox;
import io.rectify.platform.problem.Problem;
import io.rectify.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Records that a recipient has seen a delivered notification (who, when, by which channel the message
 * went, how the acknowledgement came) and publishes {@code NotificationAcknowledged} in the same
 * transaction. The link is single use: the first acknowledgement stands, the link is refused afterwards.
 */
@ApplicationScoped
public class Acknowledgements {

    private static final Logger LOG = Logger.getLogger(Acknowledgements.class);

    public static final String VIA_LINK = "LINK";
    public static final String VIA_API = "API";

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    AcknowledgementTokens tokens;

    /** Checks a link's token without acting (the page a click opens). */
    @Transactional
    public Notification checkLink(UUID id, String token) {
        Notification n = em.find(Notification.class, id);
        refuseBadToken(id, token, n);
        return n;
    }

    /** Acknowledges by the signed link: a bad, altered or expired token is 403, a used one 409. */
    @Transactional
    public Notification byLink(UUID id, String token) {
        Notification n = em.find(Notification.class, id, LockModeType.PESSIMISTIC_WRITE);
        refuseBadToken(id, token, n);
        if (n.acknowledgedAt != null) {
            throw ProblemException.conflict("this link was used already: notification " + id + " was acknowledged at " + n.acknowledgedAt);
        }
        return acknowledge(n, n.level + "/" + n.recipientRef, VIA_LINK);
    }

    /** Acknowledges by an authenticated call (the caller's scope was checked); again keeps the first one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Notification byCaller(Notification n, String subject) {
        return n.acknowledgedAt != null ? n : acknowledge(n, subject, VIA_API);
    }

    private void refuseBadToken(UUID id, String token, Notification n) {
        AcknowledgementTokens.Check check = tokens.check(id, token, Instant.now());
        if (check == AcknowledgementTokens.Check.EXPIRED) {
            throw new ProblemException(Problem.of(403, "link-expired", "Link expired",
                    "this acknowledgement link has expired; acknowledge from the latest message or after logging in"));
        }
        if (check != AcknowledgementTokens.Check.VALID || n == null) {
            throw ProblemException.forbidden("this acknowledgement link is not valid");
        }
    }

    private Notification acknowledge(Notification n, String by, String via) {
        if (n.status != NotificationStatus.SENT) {
            throw ProblemException.conflict("notification " + n.id + " is " + n.status + "; only a delivered notification can be acknowledged");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        n.acknowledgedAt = now;
        n.acknowledgedBy = by;
        n.acknowledgedVia = via;
        outbox.append(Topics.NOTIFICATION_EVENTS, new NotificationAcknowledged(n.id, n.hazardId, n.countyCode, n.enterpriseCreditCode,
                n.step.name(), n.sequence, n.level.name(), n.channel.name(), by, via, now), now);
        LOG.infof("notification %s acknowledged via %s by %s (hazard %s, %s to %s by %s)", n.id, via, by, n.hazardId, n.step, n.level, n.channel);
        return n;
    }
}
