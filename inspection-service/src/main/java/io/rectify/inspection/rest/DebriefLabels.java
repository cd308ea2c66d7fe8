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

    /** A hazard's grade as hazard-service names it (GENERAL, MAJOR). */
    static String gradeZh(String grade) {
        return "MAJOR".equals(grade) ? "重大" : "一般";
    }

    /** What a rectification evidence warning means, for the people at the meeting. */
    static String warningZh(String code) {
        return switch (code) {
            case "SAME_AS_FINDING_EVIDENCE" -> "整改佐证与发现问题时的佐证为同一文件";
            case "USED_FOR_ANOTHER_HAZARD" -> "整改佐证已用于另一隐患的整改";
            case "CAPTURED_BEFORE_REPORT" -> "整改照片拍摄于隐患上报之前";
            default -> code;
        };
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
