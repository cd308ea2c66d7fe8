package io.rectify.platform.testing;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Layers point one way (docs/engineering.md "Layers"): rest → service → domain, with the contract's
 * request and document types in {@code api/}. Each service's {@code LayersTest} extends this with its
 * name. Reads the module's sources, so it needs no database, no broker and no Quarkus: Maven runs it with
 * the module directory as the working directory.
 */
public abstract class LayerRules {

    private final Path root;

    protected LayerRules(String service) {
        this.root = Path.of("src/main/java/io/rectify/" + service);
    }

    /** A {@code rest} package, imported or named in full (this service's or the platform's). */
    private static final Pattern REST = Pattern.compile("\\b(?:import\\s+(?:static\\s+)?[\\w.]*|io\\.rectify\\.\\w+)\\.rest\\.");

    /** What knows HTTP: JAX-RS, or a problem+json answer thrown from the domain. */
    private static final Pattern HTTP = Pattern.compile("\\bjakarta\\.ws\\.rs\\b|\\bProblemException\\b");

    @Test
    void serviceAndDomainImportNothingFromRest() {
        List<Path> sources = sourcesUnder("service", "domain");
        assertThat(sources).as("sources under %s/{service,domain}", root).isNotEmpty();
        assertThat(offenders(sources, REST)).as("service/ and domain/ classes that use a rest/ package").isEmpty();
    }

    @Test
    void domainKnowsNoHttp() {
        List<Path> sources = sourcesUnder("domain");
        assertThat(sources).as("sources under %s/domain", root).isNotEmpty();
        assertThat(offenders(sources, HTTP)).as("domain/ classes that use JAX-RS or throw a problem").isEmpty();
    }

    private List<Path> sourcesUnder(String... layers) {
        List<Path> out = new ArrayList<>();
        for (String layer : layers) {
            Path dir = root.resolve(layer);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** "path:line: text" of every line (comments left out) that matches. */
    private static List<String> offenders(List<Path> sources, Pattern pattern) {
        List<String> out = new ArrayList<>();
        for (Path source : sources) {
            List<String> lines;
            try {
                lines = Files.readAllLines(source, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.startsWith("//") || line.startsWith("*") || line.startsWith("/*")) {
                    continue;
                }
                if (pattern.matcher(line).find()) {
                    out.add(source + ":" + (i + 1) + ": " + line);
                }
            }
        }
        return out;
    }
}
