package io.rectify.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/** deploy/compose/docker-compose.yml, with the lookups a cross-check needs. */
final class ComposeFile {

    /** A line of the topic-init script: {@code create_topic NAME PARTITIONS [CONFIG=VALUE ...]}. */
    private static final Pattern CREATE_TOPIC = Pattern.compile("(?m)^\\s*create_topic\\s+(\\S+)\\s+(\\d+)([^\\n]*)$");

    private final Path file;
    private final JsonNode root;

    private ComposeFile(Path file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    static ComposeFile load(Path file) {
        List<YamlDocuments.Document> documents = YamlDocuments.read(file);
        if (documents.size() != 1) {
            throw new IllegalStateException(file + " should hold exactly one YAML document");
        }
        return new ComposeFile(file, documents.get(0).node());
    }

    Path directory() {
        return file.getParent();
    }

    JsonNode services() {
        return root.path("services");
    }

    JsonNode service(String name) {
        return services().path(name);
    }

    /**
     * The variables a service's container is given, from {@code env_file}s and {@code environment} (map or list
     * form). An entry without a value only passes the host's variable through when it is set, so it provides
     * nothing for certain and is left out.
     */
    Map<String, String> environmentOf(String name) {
        JsonNode service = service(name);
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode envFiles = service.path("env_file");
        for (JsonNode envFile : envFiles.isArray() ? envFiles : List.of(envFiles)) {
            if (envFile.isTextual()) {
                env.putAll(readEnvFile(directory().resolve(envFile.asText())));
            }
        }
        JsonNode environment = service.path("environment");
        if (environment.isObject()) {
            environment.properties().forEach(e -> {
                if (!e.getValue().isNull()) {
                    env.put(e.getKey(), e.getValue().asText());
                }
            });
        } else if (environment.isArray()) {
            for (JsonNode entry : environment) {
                String[] pair = entry.asText().split("=", 2);
                if (pair.length == 2) {
                    env.put(pair[0], pair[1]);
                }
            }
        }
        return env;
    }

    private static Map<String, String> readEnvFile(Path envFile) {
        Map<String, String> env = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(envFile)) {
                String trimmed = line.trim();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#") && trimmed.contains("=")) {
                    String[] pair = trimmed.split("=", 2);
                    env.put(pair[0].trim(), pair[1].trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("env_file " + envFile, e);
        }
        return env;
    }

    /** The host file mounted at {@code target} in a service's container (short volume syntax). */
    Optional<Path> hostFileMountedAt(String service, String target) {
        return StreamSupport.stream(service(service).path("volumes").spliterator(), false)
                .map(JsonNode::asText)
                .map(volume -> volume.split(":"))
                .filter(parts -> parts.length >= 2 && parts[1].equals(target))
                .map(parts -> directory().resolve(parts[0]).normalize())
                .findFirst();
    }

    /** The topics the one-shot topic-init service creates: name to partitions and configs. */
    Map<String, TopicSpec> createdTopics() {
        Map<String, TopicSpec> topics = new LinkedHashMap<>();
        services().properties().forEach(e -> {
            StringBuilder script = new StringBuilder();
            e.getValue().path("command").forEach(part -> script.append(part.asText()).append('\n'));
            if (e.getValue().path("command").isTextual()) {
                script.append(e.getValue().path("command").asText());
            }
            Matcher m = CREATE_TOPIC.matcher(script);
            while (m.find()) {
                Map<String, String> config = new LinkedHashMap<>();
                for (String setting : m.group(3).trim().split("\\s+")) {
                    if (setting.contains("=")) {
                        String[] pair = setting.split("=", 2);
                        config.put(pair[0], pair[1]);
                    }
                }
                topics.put(m.group(1), new TopicSpec(Integer.parseInt(m.group(2)), config));
            }
        });
        return topics;
    }

    /** A topic's partitions and its topic-level configuration. */
    record TopicSpec(int partitions, Map<String, String> config) {
    }
}
