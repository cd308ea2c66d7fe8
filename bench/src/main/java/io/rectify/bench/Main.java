package io.rectify.bench;

import java.util.Arrays;

/**
 * The harness' entry point; bench/run.sh calls one subcommand per step. Each prints its figures as
 * {@code RESULT name value} lines on stdout and its progress on stderr.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: bench <topics|counties|wrk-script|ingest|ingest-open|freshness|generate-events|rebuild|chases-seed|chase-sweep|export|uploads> [--name value …]");
            System.exit(2);
        }
        Options o = new Options(args, 1);
        switch (args[0]) {
            case "topics" -> BenchTopics.run(o);
            case "counties" -> CountySetup.run(o);
            case "wrk-script" -> IngestLoad.wrkScript(o);
            case "ingest" -> IngestLoad.run(o);
            case "ingest-open" -> IngestLoad.runOpen(o);
            case "freshness" -> Freshness.run(o);
            case "generate-events" -> RebuildBench.generate(o);
            case "rebuild" -> RebuildBench.rebuild(o);
            case "chases-seed" -> ChaseSweepBench.seed(o);
            case "chase-sweep" -> ChaseSweepBench.run(o);
            case "export" -> ExportBench.run(o);
            case "uploads" -> UploadBench.run(o);
            default -> {
                System.err.println("unknown subcommand " + args[0] + " " + Arrays.toString(args));
                System.exit(2);
            }
        }
        System.exit(0);
    }
}
