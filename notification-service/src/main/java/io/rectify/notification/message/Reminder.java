package io.rectify.notification.message;

import io.rectify.notification.domain.RecipientLevel;
import io.rectify.notification.domain.Step;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/**
 * Everything one message says, gathered when it is claimed for delivery: the hazard as the chase last saw
 * it, the names the registry knows, the links, and how the previous reminder fared. Rendered by
 * {@link ReminderTexts} in the recipient's language; dates are shown in Beijing time.
 *
 * @param escalatedTo the city or province an escalation went to ({@code null} for reminders)
 * @param previous    the last reminder to the same recipient before this repeat, or {@code null}
 */
public record Reminder(
        UUID notificationId,
        UUID hazardId,
        Step step,
        int sequence,
        RecipientLevel level,
        Locale locale,
        String description,
        String grade,
        String enterpriseName,
        String enterpriseCreditCode,
        String countyName,
        String countyCode,
        String escalatedTo,
        Instant dueAt,
        Instant now,
        String hazardLink,
        String acknowledgementLink,
        Previous previous) {

    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The reminder sent before a repeat, and whether (and when) it was acknowledged. */
    public record Previous(Instant sentAt, Instant acknowledgedAt) {
        public boolean acknowledged() {
            return acknowledgedAt != null;
        }

        public String sentAtShown() {
            return shown(sentAt);
        }

        public String acknowledgedAtShown() {
            return shown(acknowledgedAt);
        }
    }

    public String dueAtShown() {
        return shown(dueAt);
    }

    public boolean overdue() {
        return step != Step.DUE_SOON;
    }

    /** How long past the due date (never negative). */
    public Duration overdueBy() {
        Duration d = Duration.between(dueAt, now);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** The enterprise's name when the registry knows it, else its credit code. */
    public String enterprise() {
        return enterpriseName == null || enterpriseName.isBlank() ? enterpriseCreditCode : enterpriseName;
    }

    /** The county's name when the registry knows it, else its code. */
    public String county() {
        return countyName == null || countyName.isBlank() ? countyCode : countyName;
    }

    public boolean english() {
        return "en".equals(locale.getLanguage());
    }

    static String shown(Instant at) {
        return at == null ? "" : SHOWN.format(at.atZone(BEIJING));
    }
}
