package io.rectify.notification.message;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.Message;

/** {@link ReminderMessages} in English, for contacts whose locale is {@code en}. */
@Localized("en")
public interface ReminderMessagesEn extends ReminderMessages {

    @Override
    @Message("Rectification due soon (due {due})")
    String headline_due_soon(String due);

    @Override
    @Message("Rectification overdue (was due {due})")
    String headline_overdue(String due);

    @Override
    @Message("Rectification still not done, overdue by {overdue}")
    String headline_overdue_repeat(String overdue);

    @Override
    @Message("Overdue rectification escalated to {to}")
    String headline_escalated(String to);

    @Override
    @Message("[Rectify] {headline}: {county} - {description}")
    String subject(String headline, String county, String description);

    @Override
    @Message("[Rectify] {count} reminders ({day})")
    String digest_subject(int count, String day);

    @Override
    @Message("The {count} rectification reminders for you since the last digest, most urgent first:")
    String digest_intro(int count);

    @Override
    @Message("{days} d {hours} h")
    String days_hours(long days, long hours);

    @Override
    @Message("{hours} h {minutes} min")
    String hours_minutes(long hours, long minutes);

    @Override
    @Message("{minutes} min")
    String minutes(long minutes);

    @Override
    @Message("major hazard")
    String grade_major();

    @Override
    @Message("general hazard")
    String grade_general();

    @Override
    @Message("The previous reminder (sent {sentAt}) was acknowledged at {acknowledgedAt}.")
    String previous_acknowledged(String sentAt, String acknowledgedAt);

    @Override
    @Message("The previous reminder (sent {sentAt}) has not been acknowledged.")
    String previous_not_acknowledged(String sentAt);

    @Override
    @Message("Hazard")
    String label_description();

    @Override
    @Message("Enterprise")
    String label_enterprise();

    @Override
    @Message("County")
    String label_county();

    @Override
    @Message("Grade")
    String label_grade();

    @Override
    @Message("Due (Beijing time)")
    String label_due();

    @Override
    @Message("Overdue by")
    String label_overdue();

    @Override
    @Message("Escalated to")
    String label_escalated();

    @Override
    @Message("View and act on the hazard")
    String label_link();

    @Override
    @Message("Acknowledge")
    String label_acknowledge();

    @Override
    @Message("Use \"Acknowledge\" to tell the regulator you have seen this reminder (the link works once and expires).")
    String acknowledge_hint();

    @Override
    @Message("Sent automatically by Rectify; please do not reply to this email.")
    String footer();

    @Override
    @Message("Acknowledge a reminder")
    String ack_page_title();

    @Override
    @Message("Please confirm you have received this rectification reminder.")
    String ack_page_question();

    @Override
    @Message("Acknowledged, thank you.")
    String ack_page_done();

    @Override
    @Message("{city} emergency management bureau")
    String city_authority(String city);

    @Override
    @Message("{province} emergency management department")
    String province_authority(String province);
}
