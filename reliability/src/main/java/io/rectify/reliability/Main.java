package io.rectify.reliability;

import io.rectify.scenarios.Tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the slow reliability scenarios against the stack that reliability/stack.sh started:
 * {@code java -jar reliability.jar [R1] [R2] [R3] [R7] [R8]} (R1-R3 by default; R7 needs a stack with
 * replicas, R8 the secured broker: reliability/run.sh starts the right one). Prints each scenario's
 * figures and exits 1 on any violation, 2 when the suite itself could not run.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        // the Kafka clients log every configuration at INFO: keep the figures readable
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "error"));
        List<String> which = args.length == 0 ? List.of("R1", "R2", "R3") : List.of(args);
        Settings settings = Settings.fromSystemProperties();
        List<Report> reports = new ArrayList<>();
        try (WebhookReceiver receiver = new WebhookReceiver(settings.receiverPort());
             Evidence evidence = new Evidence(settings.jdbcBase(), settings.bootstrap(), settings.kafkaSecurity())) {
            Suite suite = new Suite(settings, new Stack(settings.stackScript()), evidence, receiver, new Tokens(settings.signingKey()));
            suite.warmUp(settings.warmUp());
            for (String s : which) {
                reports.add(switch (s.toUpperCase(Locale.ROOT)) {
                    case "R1" -> suite.r1();
                    case "R2" -> suite.r2();
                    case "R3" -> suite.r3();
                    case "R7" -> suite.r7();
                    case "R8" -> suite.r8();
                    default -> throw new IllegalArgumentException("unknown scenario " + s + " (R1, R2, R3, R7, R8)");
                });
            }
        } catch (Exception e) {
            System.out.println();
            reports.forEach(r -> r.print(System.out));
            System.out.println("SUITE ERROR: " + e);
            e.printStackTrace(System.out);
            System.exit(2);
        }
        System.out.printf("%n==== summary ====%n");
        System.out.printf("%-4s %-6s %10s %8s %10s %6s %11s %11s%n", "", "result", "requests", "faults", "events", "lost", "duplicated",
                "unexpected");
        boolean ok = true;
        for (Report r : reports) {
            System.out.printf("%-4s %-6s %,10d %8d %,10d %6d %11d %11d%n", r.scenario(), r.passed() ? "PASS" : "FAIL",
                    r.get(Reconciliation.SENT), r.get(Reconciliation.FAULTS), r.get(Reconciliation.EVENTS_CHECKED),
                    r.get(Reconciliation.LOST), r.get(Reconciliation.DUPLICATED), r.get(Reconciliation.UNEXPECTED));
            ok &= r.passed();
        }
        System.exit(ok ? 0 : 1);
    }
}
