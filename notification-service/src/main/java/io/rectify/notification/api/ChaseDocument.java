package io.rectify.notification.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.rectify.notification.domain.Chase;
import io.rectify.notification.domain.ChaseStatus;
import io.rectify.notification.domain.EscalationLevel;

import java.time.Instant;
import java.util.UUID;

/** The chase of one hazard as served: where it stands and what comes next. */
// the schema keeps the name it was published under (clients generate code from /q/openapi)
@Schema(name = "ChaseView")
public record ChaseDocument(UUID hazardId, String countyCode, String city, String province, String enterpriseCreditCode,
                            String grade, String hazardStatus, ChaseStatus status, Instant dueAt, boolean overdue,
                            EscalationLevel escalationLevel, Instant nextReminderAt, long remindersSent,
                            long snapshotVersion, Instant closedAt, Instant updatedAt) {

    public static ChaseDocument of(Chase c, long remindersSent, Instant now) {
        return new ChaseDocument(c.hazardId, c.countyCode, c.city, c.province, c.enterpriseCreditCode, c.grade.name(), c.hazardStatus,
                c.status, c.dueAt, c.isOverdue(now), c.escalationLevel, c.status == ChaseStatus.ACTIVE ? c.nextStepAt : null,
                remindersSent, c.snapshotVersion, c.closedAt, c.updatedAt);
    }
}
