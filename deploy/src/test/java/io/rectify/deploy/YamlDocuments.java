package io.rectify.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads YAML files, every document of a multi-document file, as Jackson trees. */
final class YamlDocuments {

    private static final YAMLMapper MAPPER = new YAMLMapper();

    private YamlDocuments() {
    }

    /** The non-empty documents of one file, each tagged with the file it came from. */
    static List<Document> read(Path file) {
        List<Document> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = MAPPER.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (it.hasNext()) {
                JsonNode node = it.next();
                if (node != null && node.isObject() && !node.isEmpty()) {
                    documents.add(new Document(file, node));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("not valid YAML: " + file, e);
        }
        return documents;
    }

    /** Every {@code *.yaml} / {@code *.yml} file under a directory, sorted by path. */
    static List<Path> filesUnder(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Document(Path file, JsonNode node) {
        String kind() {
            return node.path("kind").asText();
        }

        String name() {
            return node.path("metadata").path("name").asText();
        }

        @Override
        public String toString() {
            return kind() + " " + name() + " (" + file.getFileName() + ")";
        }
    }
}
