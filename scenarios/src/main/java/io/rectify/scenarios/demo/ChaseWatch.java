package io.rectify.scenarios.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.scenarios.Api;
import io.rectify.scenarios.Api.ApiException;
import io.rectify.scenarios.demo.Poll.Outcome;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.rectify.scenarios.demo.Actors.obj;
import static io.rectify.scenarios.demo.DemoScenario.shorten;

/**
 * Hazards due in a minute, and their chase: reported by the county regulators before the inspections
 * (some with a plan), they fall overdue while the rest of the demo goes on; at the end the demo watches
 * their chase ladder (reminders, overdue notices, escalations to city and province) and prints each step.
 */
final class ChaseWatch {

    private final Actors actors;
    private final DemoOptions options;
    private final RectificationSteps rectification;
    private final DemoScenario.Say printer;

    ChaseWatch(Actors actors, DemoOptions options, RectificationSteps rectification, DemoScenario.Say printer) {
        this.actors = actors;
        this.options = options;
        this.rectification = rectification;
        this.printer = printer;
    }

    List<JsonNode> reportNearDueHazards(DemoPlan plan, Instant dueAt) {
        List<JsonNode> reported = new ArrayList<>();
        for (DemoPlan.NearDueHazard n : plan.nearDueHazards()) {
            JsonNode h = RegisteredReports.report(actors.hazard(actors.county(n.countyCode())), obj("enterpriseCreditCode", n.enterpriseCreditCode(),
                    "countyCode", n.countyCode(), "keyTask", n.keyTask(), "grade", n.grade(), "majorCriterion", n.majorCriterion(),
                    "description", n.description(), "dueAt", dueAt.toString(), "source", "REGULATOR"));
            if (n.planned()) {
                h = rectification.plan(h);
            }
            reported.add(h);
        }
        say("%d hazards reported by county regulators with due date %s (in %d s): they will fall overdue and be chased during the demo",
                reported.size(), dueAt, Duration.between(Instant.now(), dueAt).toSeconds());
        for (JsonNode h : reported) {
            say("  %s %-7s %s %s%s", h.path("countyCode").asText(), h.path("grade").asText(), h.path("id").asText(),
                    shorten(h.path("description").asText(), 60), h.path("status").asText().equals("RECTIFYING") ? " (plan submitted)" : "");
        }
        return reported;
    }

    void watchChasing(List<JsonNode> nearDue) {
        if (nearDue.isEmpty()) {
            return;
        }
        Api api = actors.notification(actors.admin());
        Instant lastDue = nearDue.stream().map(h -> Instant.parse(h.path("dueAt").asText())).max(Instant::compareTo).orElseThrow();
        Duration timeout = Duration.between(Instant.now(), lastDue).plus(options.ladderTimeout());
        say("waiting for the chase ladder (reminders, overdue notices, escalations to city and province) — at most %d s",
                timeout.toSeconds());
        Set<String> printed = new java.util.HashSet<>();
        Poll.until("the chase ladder of the overdue hazards reaching the province", timeout, Duration.ofSeconds(2), () -> {
            List<String> waiting = new ArrayList<>();
            for (JsonNode h : nearDue) {
                String id = h.path("id").asText();
                Instant due = Instant.parse(h.path("dueAt").asText());
                Map<String, List<JsonNode>> bySteps = new LinkedHashMap<>();
                for (JsonNode n : api.get("/api/v1/notifications?hazardId=" + id + "&size=500").path("items")) {
                    bySteps.computeIfAbsent(n.path("step").asText() + "#" + n.path("sequence").asInt(), k -> new ArrayList<>()).add(n);
                }
                boolean provinceDone = false;
                boolean pending = false;
                List<Map.Entry<String, List<JsonNode>>> steps = new ArrayList<>(bySteps.entrySet());
                steps.sort((a, b) -> a.getValue().get(0).path("stepAt").asText().compareTo(b.getValue().get(0).path("stepAt").asText()));
                for (Map.Entry<String, List<JsonNode>> step : steps) {
                    boolean stepPending = step.getValue().stream().anyMatch(n -> n.path("status").asText().equals("PENDING"));
                    pending |= stepPending;
                    if (step.getKey().startsWith("ESCALATE_PROVINCE") && !stepPending) {
                        provinceDone = true;
                    }
                    if (!stepPending && printed.add(id + step.getKey())) {
                        printStep(h, due, step.getValue());
                    }
                }
                if (!provinceDone || pending) {
                    waiting.add(h.path("countyCode").asText() + " " + h.path("grade").asText() + " " + id + ": "
                            + chaseState(id) + (pending ? ", deliveries pending" : ""));
                }
            }
            return waiting.isEmpty() ? Outcome.done(true) : Outcome.notYet(String.join("; ", waiting)
                    + " — were the services started with the demo's short chase durations (deploy/local/rectify up sets them)?");
        });
        say("chase ladder complete for %d overdue hazards", nearDue.size());
    }

    private void printStep(JsonNode h, Instant due, List<JsonNode> notifications) {
        JsonNode first = notifications.get(0);
        long offset = Duration.between(due, Instant.parse(first.path("stepAt").asText())).toSeconds();
        Map<String, List<String>> byRecipient = new LinkedHashMap<>();
        for (JsonNode n : notifications) {
            String who = n.path("level").asText() + " " + n.path("recipientRef").asText();
            String how = n.path("channel").asText() + " " + n.path("status").asText()
                    + (n.hasNonNull("failureReason") ? " (" + n.path("failureReason").asText() + ")" : "");
            byRecipient.computeIfAbsent(who, k -> new ArrayList<>()).add(how);
        }
        List<String> parts = new ArrayList<>();
        byRecipient.forEach((who, how) -> parts.add(who + " [" + String.join(", ", how) + "]"));
        say("  %s %-7s due%s%3ds  %-17s -> %s", h.path("countyCode").asText(), h.path("grade").asText(), offset < 0 ? "-" : "+",
                Math.abs(offset), first.path("step").asText(), String.join("; ", parts));
    }

    private String chaseState(String hazardId) {
        try {
            JsonNode c = actors.notification(actors.admin()).get("/api/v1/chases/" + hazardId);
            return "chase " + c.path("status").asText() + ", escalation " + c.path("escalationLevel").asText()
                    + ", next step at " + c.path("nextReminderAt").asText("-");
        } catch (ApiException e) {
            return "no chase yet (" + e.status() + ")";
        }
    }

    private void say(String format, Object... args) {
        printer.say(format, args);
    }
}
