package io.rectify.notification.message;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.rectify.notification.domain.Step;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes messages in the recipient's language: the Qute mail templates ({@code templates/mail/*}) for the
 * HTML and plain-text parts, the message bundle ({@link ReminderMessages}) for every sentence, so email,
 * webhook ({@code title}, {@code text}) and SMS say the same thing.
 */
@ApplicationScoped
public class ReminderTexts {

    private static final int SUBJECT_DESCRIPTION_MAX = 40;

    @Inject
    @Location("mail/reminder.html")
    Template reminderHtml;

    @Inject
    @Location("mail/reminder.txt")
    Template reminderText;

    @Inject
    @Location("mail/digest.html")
    Template digestHtml;

    @Inject
    @Location("mail/digest.txt")
    Template digestText;

    /** One line of a message: a label and its value. */
    public record Row(String label, String value) {
    }

    /** A message ready for a template: what happened, the facts, the previous reminder's fate, the links. */
    public record View(String subject, String headline, List<Row> rows, String previous, String link, String acknowledgementLink) {
    }

    /** A rendered email: subject, plain text and HTML. */
    public record Mail(String subject, String text, String html) {
    }

    public static ReminderMessages messages(Locale locale) {
        return "en".equals(locale.getLanguage())
                ? MessageBundles.get(ReminderMessages.class, Localized.Literal.of("en"))
                : MessageBundles.get(ReminderMessages.class);
    }

    public View view(Reminder r) {
        ReminderMessages m = messages(r.locale());
        String headline = headline(r, m);
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(m.label_description(), r.description()));
        rows.add(new Row(m.label_enterprise(), r.enterprise()));
        rows.add(new Row(m.label_county(), r.county()));
        rows.add(new Row(m.label_grade(), "MAJOR".equals(r.grade()) ? m.grade_major() : m.grade_general()));
        rows.add(new Row(m.label_due(), r.dueAtShown()));
        if (r.overdue()) {
            rows.add(new Row(m.label_overdue(), duration(r.overdueBy(), m)));
        }
        if (r.step().isEscalation()) {
            rows.add(new Row(m.label_escalated(), authority(r, m)));
        }
        String previous = r.previous() == null ? null : r.previous().acknowledged()
                ? m.previous_acknowledged(r.previous().sentAtShown(), r.previous().acknowledgedAtShown())
                : m.previous_not_acknowledged(r.previous().sentAtShown());
        String subject = m.subject(headline, r.county(), shorten(r.description()));
        return new View(subject, headline, rows, previous, r.hazardLink(), r.acknowledgementLink());
    }

    public Mail mail(Reminder r) {
        View v = view(r);
        return new Mail(v.subject(), text(v, r.locale()), render(reminderHtml, r.locale(), Map.of("m", v)));
    }

    /** The plain-text body, without subject, of a message put together by {@link #view}: a mail's text part, a webhook's {@code text}. */
    public String text(View view, Locale locale) {
        return render(reminderText, locale, Map.of("m", view));
    }

    /** A daily digest: the reminders, most urgent first (the caller orders them). */
    public Mail digest(Locale locale, LocalDate day, List<Reminder> reminders) {
        ReminderMessages m = messages(locale);
        List<View> views = reminders.stream().map(this::view).toList();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("intro", m.digest_intro(views.size()));
        data.put("items", views);
        return new Mail(m.digest_subject(views.size(), day.toString()), render(digestText, locale, data), render(digestHtml, locale, data));
    }

    /** The values an SMS template is filled with (the provider's template holds the wording). */
    public Map<String, String> smsParameters(Reminder r) {
        ReminderMessages m = messages(r.locale());
        Map<String, String> p = new LinkedHashMap<>();
        p.put("headline", headline(r, m));
        p.put("county", r.county());
        p.put("enterprise", r.enterprise());
        p.put("hazard", shorten(r.description()));
        p.put("due", r.dueAtShown());
        p.put("link", r.acknowledgementLink() == null ? "" : r.acknowledgementLink());
        return p;
    }

    static String headline(Reminder r, ReminderMessages m) {
        return switch (r.step()) {
            case DUE_SOON -> m.headline_due_soon(r.dueAtShown());
            case OVERDUE -> m.headline_overdue(r.dueAtShown());
            case OVERDUE_REPEAT -> m.headline_overdue_repeat(duration(r.overdueBy(), m));
            case ESCALATE_CITY, ESCALATE_PROVINCE -> m.headline_escalated(authority(r, m));
        };
    }

    private static String authority(Reminder r, ReminderMessages m) {
        String to = r.escalatedTo() == null ? "" : r.escalatedTo();
        return r.step() == Step.ESCALATE_PROVINCE ? m.province_authority(to) : m.city_authority(to);
    }

    static String duration(Duration d, ReminderMessages m) {
        long days = d.toDays();
        long hours = d.toHoursPart();
        if (days > 0) {
            return m.days_hours(days, hours);
        }
        return hours > 0 ? m.hours_minutes(hours, d.toMinutesPart()) : m.minutes(d.toMinutesPart());
    }

    private static String shorten(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= SUBJECT_DESCRIPTION_MAX ? s : s.substring(0, SUBJECT_DESCRIPTION_MAX) + "…";
    }

    private static String render(Template template, Locale locale, Map<String, Object> data) {
        var instance = template.instance().setAttribute(MessageBundles.ATTRIBUTE_LOCALE, locale);
        data.forEach(instance::data);
        return instance.render();
    }
}
