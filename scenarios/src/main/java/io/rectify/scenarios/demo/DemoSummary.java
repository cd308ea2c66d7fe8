package io.rectify.scenarios.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.scenarios.Api;
import io.rectify.scenarios.demo.Actors.Service;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The demo's closing summary. Every number is read from the services' REST APIs as the Sichuan province
 * regulator sees them (the same calls are printed at the end, to check them with curl), never computed here.
 */
final class DemoSummary {

    static final List<String> INDICATORS = List.of("COVERAGE", "RECTIFICATION_RATE", "ON_TIME_RATE", "MAJOR_CLOSURE_RATE", "REPEAT_FREE_RATE");
    static final List<String> LEVELS = List.of("ENTERPRISE", "COUNTY", "CITY", "PROVINCE");
    static final List<String> STATUSES = List.of("SENT", "FAILED", "PENDING", "HELD", "SUPERSEDED");

    private final Actors actors;
    private final DemoOptions options;
    private final PrintStream out;

    DemoSummary(Actors actors, DemoOptions options, PrintStream out) {
        this.actors = actors;
        this.options = options;
        this.out = out;
    }

    void print(DemoPlan plan) {
        String token = actors.province();
        Api scoring = actors.api(Service.SCORING, token);
        Api hazards = actors.api(Service.HAZARD, token);
        Api notifications = actors.api(Service.NOTIFICATION, token);
        Api inspections = actors.api(Service.INSPECTION, token);

        int period = scoring.get("/api/v1/counties/" + DemoPlan.DEBRIEF_COUNTY + "/index").path("period").asInt();
        String rankingPath = "/api/v1/rankings?period=" + period + "&size=500";
        JsonNode ranking = scoring.get(rankingPath);

        out.println();
        out.println("==================================================================================================");
        out.printf(" Rectify demo — summary for period %d, as the REST APIs answer now (token: PROVINCE_REGULATOR, Sichuan)%n", period);
        out.println("==================================================================================================");
        out.println();
        out.printf("County ranking (scoring-service GET %s; indicator scores 0-100, \"-\" = not applicable)%n", rankingPath);
        out.printf("%4s  %-10s %s %6s %9s %6s  %6s %6s %6s %6s %6s  %s%n", "rank", "county", pad("name", 46), "index", "base", "deduct",
                "COVER", "RECT", "ONTIME", "MAJOR", "REPEAT", "demonstration-eligible");
        List<String> eligible = new ArrayList<>();
        for (JsonNode e : ranking.path("items")) {
            String code = e.path("countyCode").asText();
            JsonNode idx = scoring.get("/api/v1/counties/" + code + "/index?period=" + period);
            StringBuilder scores = new StringBuilder();
            for (String ind : INDICATORS) {
                JsonNode i = DemoScenario.indicator(idx, ind);
                scores.append(String.format(" %6s", i.path("applicable").asBoolean(false) ? oneDecimal(i.path("score")) : "-"));
            }
            BigDecimal deducted = BigDecimal.ZERO;
            for (JsonNode d : idx.path("deductions")) {
                deducted = deducted.add(d.path("points").decimalValue());
            }
            boolean demo = e.path("demonstrationEligible").asBoolean();
            if (demo) {
                eligible.add(code + " " + e.path("countyName").asText());
            }
            out.printf("%4s  %-10s %s %6s %9s %6s %s  %s%n", e.path("rank").asText("-"), code, pad(e.path("countyName").asText(), 46),
                    e.path("index").isNull() ? "-" : e.path("index").asText(), idx.path("base").isNull() ? "-" : idx.path("base").asText(),
                    deducted.stripTrailingZeros().toPlainString(), scores, demo ? "yes" : e.path("index").isNull() ? e.path("reason").asText("no") : "no");
        }
        out.printf("%d counties ranked (total %d)%n", ranking.path("items").size(), ranking.path("total").asLong());
        out.println();
        out.println("Demonstration-eligible counties (index >= 90, coverage >= 90, no major hazard overdue): "
                + (eligible.isEmpty() ? "none" : String.join(", ", eligible)));
        out.println();

        SheetAndConflictSteps.printSummary(actors, out, period);

        String overduePath = "/api/v1/hazards?grade=MAJOR&overdue=true&size=500";
        JsonNode overdue = hazards.get(overduePath);
        out.printf("Overdue major hazards: %d (hazard-service GET %s)%n", overdue.path("total").asLong(), overduePath);
        for (JsonNode h : overdue.path("items")) {
            out.printf("  %-10s %s %s due %s, %s, supervised by %s, %s: %s%n", h.path("countyCode").asText(), h.path("enterpriseCreditCode").asText(),
                    h.path("majorCriterion").asText(), h.path("dueAt").asText(), h.path("status").asText(), h.path("supervisionLevel").asText("-"),
                    h.path("id").asText(), DemoScenario.shorten(h.path("description").asText(), 50));
        }
        out.println();

        out.println("Notifications by level and status (notification-service GET /api/v1/notifications?level=L&status=S; the total of each page)");
        out.printf("  %-11s", "level");
        STATUSES.forEach(s -> out.printf(" %9s", s));
        out.println();
        for (String level : LEVELS) {
            out.printf("  %-11s", level);
            for (String status : STATUSES) {
                out.printf(" %9d", notifications.get("/api/v1/notifications?level=" + level + "&status=" + status + "&size=1").path("total").asLong());
            }
            out.println();
        }
        String escalations = String.format("  escalations sent: to CITY %d, to PROVINCE %d",
                notifications.get("/api/v1/notifications?level=CITY&status=SENT&size=1").path("total").asLong(),
                notifications.get("/api/v1/notifications?level=PROVINCE&status=SENT&size=1").path("total").asLong());
        out.println(escalations);
        out.printf("  acknowledged by their recipients: %d (GET /api/v1/notifications?acknowledged=true)%n",
                notifications.get("/api/v1/notifications?acknowledged=true&size=1").path("total").asLong());
        receiverFiles();
        out.println();

        String day = plan.visitDay(DemoPlan.DEBRIEF_COUNTY).toString();
        String debriefPath = "/api/v1/counties/" + DemoPlan.DEBRIEF_COUNTY + "/debriefs/" + day;
        out.printf("Nightly debrief of %s, %s (inspection-service GET %s, Accept: text/markdown)%n", DemoPlan.county(DemoPlan.DEBRIEF_COUNTY).name(),
                day, debriefPath);
        out.println("--------------------------------------------------------------------------------------------------");
        out.println(inspections.getText(debriefPath, "text/markdown").strip());
        out.println("--------------------------------------------------------------------------------------------------");
        out.println();
        out.println("Check these numbers yourself:");
        out.println("  TOKEN=$(deploy/local/mint-token PROVINCE_REGULATOR province=Sichuan)");
        out.printf("  curl -s -H \"Authorization: Bearer $TOKEN\" '%s%s'%n", actors.url(Service.SCORING), rankingPath);
        out.printf("  curl -s -H \"Authorization: Bearer $TOKEN\" '%s%s'%n", actors.url(Service.HAZARD), overduePath);
        out.printf("  curl -s -H \"Authorization: Bearer $TOKEN\" '%s/api/v1/notifications?level=PROVINCE&status=SENT&size=1'%n",
                actors.url(Service.NOTIFICATION));
        out.printf("  curl -s -H \"Authorization: Bearer $TOKEN\" -H 'Accept: text/markdown' '%s%s'%n", actors.url(Service.INSPECTION), debriefPath);
        out.flush();
    }

    /** What the local receiver logged: not a REST answer, so labelled as the receiver's files. */
    private void receiverFiles() {
        if (options.runDir() == null) {
            return;
        }
        Path hooks = options.runDir().resolve("webhooks.jsonl");
        Path mails = options.runDir().resolve("mails.jsonl");
        long total = lines(hooks, null);
        long bad = lines(hooks, "\"signatureValid\":false");
        out.printf("  local receiver: %d webhook deliveries in %s (%d with a bad signature)%s%n", total, hooks, bad,
                Files.exists(mails) ? String.format("; %d mails in %s, %d in Chinese, %d daily digests", lines(mails, null), mails,
                        lines(mails, "【隐患整改】"), lines(mails, "条提醒")) : "");
    }

    private static long lines(Path file, String containing) {
        if (!Files.exists(file)) {
            return 0;
        }
        try (Stream<String> s = Files.lines(file)) {
            return s.filter(l -> !l.isBlank() && (containing == null || l.contains(containing))).count();
        } catch (IOException e) {
            return 0;
        }
    }

    private static String oneDecimal(JsonNode n) {
        return n.isNull() || n.isMissingNode() ? "-" : n.decimalValue().setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    /** Pads to a terminal width: CJK characters take two columns. */
    static String pad(String s, int width) {
        StringBuilder b = new StringBuilder();
        int used = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int w = wide(cp) ? 2 : 1;
            if (used + w > width) {
                break;
            }
            b.appendCodePoint(cp);
            used += w;
            i += Character.charCount(cp);
        }
        return b + " ".repeat(width - used);
    }

    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6);
    }
}
