package io.rectify.scenarios;

import io.rectify.scenarios.demo.DemoCommand;
import io.rectify.scenarios.receiver.Receiver;

import java.util.Arrays;

/** {@code java -jar scenarios.jar <command> [options]}: the entry point of the scenarios jar. */
public final class Main {

    private static final String USAGE = """
            usage: java -jar scenarios.jar <command> [options]

              demo       play the demo scenario against running services (see DemoCommand for options)
              receiver   the local webhook receiver (and SMTP sink) the demo's contacts point at

            Run a command with --help for its options.""";

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.println(USAGE);
            return;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        int status;
        try {
            status = switch (args[0]) {
                case "demo" -> DemoCommand.run(rest);
                case "receiver" -> Receiver.run(rest);
                default -> {
                    System.err.println("unknown command '" + args[0] + "'\n" + USAGE);
                    yield 2;
                }
            };
        } catch (IllegalArgumentException e) {
            System.err.println(args[0] + ": " + e.getMessage());
            status = 2;
        }
        if (status != 0 || !args[0].equals("receiver")) {
            System.exit(status);
        }
    }
}
