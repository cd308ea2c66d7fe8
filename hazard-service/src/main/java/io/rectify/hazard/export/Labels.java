package io.rectify.hazard.export;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Everything one export needs to print codes as people read them: the language, the zone times are
 * shown in, and the names of key tasks and major-hazard criteria (reference_label).
 */
public record Labels(Lang lang, ZoneId zone, Map<String, String[]> keyTasks, Map<String, String[]> criteria) {

    private static final Map<String, String[]> STATUS = Map.of(
            "OPEN", new String[]{"待整改", "Open"},
            "RECTIFYING", new String[]{"整改中", "Rectifying"},
            "PENDING_VERIFICATION", new String[]{"待验收", "Pending verification"},
            "VERIFIED", new String[]{"已验收", "Verified"},
            "SIGNED_OFF", new String[]{"已销号", "Signed off"});

    private static final Map<String, String[]> GRADE = Map.of(
            "GENERAL", new String[]{"一般隐患", "General"},
            "MAJOR", new String[]{"重大隐患", "Major"});

    private static final Map<String, String[]> SOURCE = Map.of(
            "EXPERT_INSPECTION", new String[]{"专家指导服务检查", "Expert inspection"},
            "SELF_CHECK", new String[]{"企业自查", "Self-check"},
            "REGULATOR", new String[]{"监管部门检查", "Regulator"});

    private static final Map<String, String[]> ACTION = Map.ofEntries(
            Map.entry("REPORT", new String[]{"上报", "Reported"}),
            Map.entry("PLAN", new String[]{"提交整改方案", "Plan submitted"}),
            Map.entry("SUBMIT_RECTIFICATION", new String[]{"提交整改", "Rectification submitted"}),
            Map.entry("VERIFY_ACCEPT", new String[]{"验收通过", "Verification accepted"}),
            Map.entry("VERIFY_REJECT", new String[]{"验收退回", "Verification rejected"}),
            Map.entry("SIGN_OFF", new String[]{"销号", "Signed off"}),
            Map.entry("EXTEND_DEADLINE", new String[]{"延期", "Deadline extended"}),
            Map.entry("REOPEN", new String[]{"重新打开", "Reopened"}),
            Map.entry("OVERDUE", new String[]{"逾期", "Overdue"}));

    public String status(String code) {
        return label(STATUS, code);
    }

    public String grade(String code) {
        return label(GRADE, code);
    }

    public String source(String code) {
        return label(SOURCE, code);
    }

    public String action(String code) {
        return label(ACTION, code);
    }

    public String keyTask(String code) {
        return label(keyTasks, code);
    }

    public String criterion(String code) {
        return label(criteria, code);
    }

    /** The wall-clock time in the hazard zone, to the second: what a regulator in the county reads on paper. */
    public LocalDateTime local(Instant at) {
        return at == null ? null : LocalDateTime.ofInstant(at, zone).truncatedTo(ChronoUnit.SECONDS);
    }

    private String label(Map<String, String[]> names, String code) {
        if (code == null) {
            return null;
        }
        String[] both = names.get(code);
        return both == null ? code : lang.pick(both[0], both[1]);
    }
}
