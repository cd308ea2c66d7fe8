package io.rectify.scenarios.demo;

import io.rectify.scenarios.Api.ApiException;
import io.rectify.scenarios.Args;
import io.rectify.scenarios.Tokens;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** {@code java -jar scenarios.jar demo [options]}: plays {@link DemoScenario}; exit 0 when it ran to its summary. */
public final class DemoCommand {

    static final String USAGE = """
            usage: java -jar scenarios.jar demo [options]

              --base-host H        where the services listen (ports 8081-8084; default 127.0.0.1)
              --key FILE           private key that signs the tokens (default deploy/local/jwt/dev-private.pem,
                                   or $RECTIFY_JWT_PRIVATE_KEY)
              --new-round          play a further round even if the demo was played before
              --summary-only       print the summary of what is there, play nothing
                                   (default: play round 1 if no demo data is there, else print the summary)
              --webhook-url URL    base of the contacts' webhooks (default http://127.0.0.1:8090/hooks)
              --webhook-secret S   their HMAC secret (default the receiver's default)
              --email              give contacts email addresses too (an SMTP sink must receive them)
              --run-dir DIR        the receiver's folder, to count its deliveries in the summary
              --due-in SECONDS     how far ahead the hazards left overdue are due (default 45)
              --ladder-timeout S   how long after that the escalation to the province may take (default 180)""";

    private DemoCommand() {
    }

    public static int run(String[] argv) {
        if (Arrays.asList(argv).contains("--help")) {
            System.out.println(USAGE);
            return 0;
        }
        Args args = Args.parse(argv, 0, List.of("base-host", "key", "webhook-url", "webhook-secret", "run-dir", "due-in", "ladder-timeout"),
                List.of("new-round", "summary-only", "email"));
        if (args.has("new-round") && args.has("summary-only")) {
            throw new IllegalArgumentException("--new-round and --summary-only exclude each other");
        }
        DemoScenario.Mode mode = args.has("summary-only") ? DemoScenario.Mode.SUMMARY_ONLY
                : args.has("new-round") ? DemoScenario.Mode.NEW_ROUND : DemoScenario.Mode.IF_ABSENT;
        Path key = Path.of(args.get("key", System.getenv().getOrDefault("RECTIFY_JWT_PRIVATE_KEY", "deploy/local/jwt/dev-private.pem")));
        if (!Files.isReadable(key)) {
            throw new IllegalArgumentException("cannot read the signing key " + key.toAbsolutePath() + " (--key)");
        }
        String runDir = args.get("run-dir", null);
        DemoOptions options = new DemoOptions(args.get("base-host", "127.0.0.1"), runDir == null ? null : Path.of(runDir),
                args.get("webhook-url", "http://127.0.0.1:8090/hooks"), args.get("webhook-secret", "rectify-demo-webhook-secret"),
                args.has("email"), mode, Duration.ofSeconds(args.getInt("due-in", 45)),
                Duration.ofSeconds(args.getInt("ladder-timeout", 180)), Duration.ofSeconds(60));
        Actors actors = new Actors(new Tokens(key), options.host());
        try {
            new DemoScenario(actors, options, System.out).run();
            return 0;
        } catch (DemoFailure e) {
            System.out.println("[demo] FAILED: " + e.getMessage());
            return 1;
        } catch (ApiException e) {
            System.out.println("[demo] FAILED: a service refused a demo request: " + e.getMessage());
            return 1;
        } catch (IllegalStateException e) {
            System.out.println("[demo] FAILED: " + e.getMessage());
            return 1;
        }
    }
}
