package io.rectify.inspection.rest;

import io.quarkus.qute.TemplateExtension;
import io.rectify.inspection.domain.Grade;
import io.rectify.inspection.domain.InspectionStatus;

/** Chinese labels and Markdown escaping for the printable debrief templates ({@code {i.status.zh}}, {@code {f.description.md}}). */
@TemplateExtension
public final class DebriefLabels {

    private DebriefLabels() {
    }

    static String zh(InspectionStatus status) {
        return switch (status) {
            case SCHEDULED -> "待开始";
            case IN_PROGRESS -> "进行中";
            case COMPLETED -> "已完成";
            case CANCELLED -> "已取消";
        };
    }

    static String zh(Grade grade) {
        return grade == Grade.MAJOR ? "重大" : "一般";
    }

    /** The guidance mode's Chinese name (集中指导 / 持续帮扶). */
    static String modeZh(String mode) {
        return switch (mode) {
            case "CENTRALISED" -> "集中指导";
            case "CONTINUOUS_ASSISTANCE" -> "持续帮扶";
            default -> mode;
        };
    }

    /**
     * Text made inert in Markdown: no markup, no raw HTML, no table-cell breaks, one line — an expert's
     * free text cannot reshape the printed page.
     */
    static String md(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '#', '|', '!', '~' -> out.append('\\').append(c);
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\r' -> { }
                case '\n' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
