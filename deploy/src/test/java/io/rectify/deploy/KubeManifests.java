package io.rectify.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.deploy.YamlDocuments.Document;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every document under deploy/k8s, with the lookups a cross-check needs (by kind and name). */
final class KubeManifests {

    /** Marks a value that comes from a Secret: present, but not readable from the manifests. */
    static final String FROM_SECRET = "<from secret>";

    private final List<Document> documents;

    private KubeManifests(List<Document> documents) {
        this.documents = documents;
    }

    static KubeManifests load(Path directory) {
        List<Document> all = new ArrayList<>();
        YamlDocuments.filesUnder(directory).forEach(file -> all.addAll(YamlDocuments.read(file)));
        return new KubeManifests(all);
    }

    List<Document> all() {
        return documents;
    }

    List<Document> ofKind(String kind) {
        return documents.stream().filter(d -> d.kind().equals(kind)).toList();
    }

    Optional<Document> find(String kind, String name) {
        return documents.stream().filter(d -> d.kind().equals(kind) && d.name().equals(name)).findFirst();
    }

    /**
     * The keys of a ConfigMap ({@code data}) or Secret ({@code data} and {@code stringData}) with their values.
     * Secrets the Strimzi operator writes count as defined by the resource they come from: a SCRAM
     * {@code KafkaUser}'s Secret of its name, and a {@code Kafka} cluster's {@code <name>-cluster-ca-cert}.
     */
    Optional<Map<String, String>> keysOf(String kind, String name) {
        if (kind.equals("Secret") && find(kind, name).isEmpty()) {
            return operatorSecret(name);
        }
        return find(kind, name).map(d -> {
            Map<String, String> keys = new LinkedHashMap<>();
            for (String section : List.of("data", "stringData")) {
                d.node().path(section).properties().forEach(e -> keys.put(e.getKey(),
                        kind.equals("Secret") ? FROM_SECRET : e.getValue().asText()));
            }
            return keys;
        });
    }

    private Optional<Map<String, String>> operatorSecret(String name) {
        Optional<Document> user = find("KafkaUser", name)
                .filter(u -> u.node().path("spec").path("authentication").path("type").asText().equals("scram-sha-512"));
        if (user.isPresent()) {
            return Optional.of(Map.of("password", FROM_SECRET, "sasl.jaas.config", FROM_SECRET));
        }
        boolean clusterCa = name.endsWith("-cluster-ca-cert")
                && find("Kafka", name.substring(0, name.length() - "-cluster-ca-cert".length())).isPresent();
        return clusterCa ? Optional.of(Map.of("ca.crt", FROM_SECRET, "ca.p12", FROM_SECRET, "ca.password", FROM_SECRET))
                : Optional.empty();
    }

    /**
     * The environment a container gets: its {@code env} entries and everything its {@code envFrom} sources
     * define. A reference to a ConfigMap, Secret or key that the manifests do not define is reported in
     * {@code problems} and provides nothing (unless marked optional, in which case it is expected to be absent).
     */
    Map<String, String> environmentOf(JsonNode container, List<String> problems) {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode source : container.path("envFrom")) {
            String prefix = source.path("prefix").asText("");
            resolveSource(source, "configMapRef", "ConfigMap", problems)
                    .ifPresent(keys -> keys.forEach((k, v) -> env.put(prefix + k, v)));
            resolveSource(source, "secretRef", "Secret", problems)
                    .ifPresent(keys -> keys.forEach((k, v) -> env.put(prefix + k, v)));
        }
        for (JsonNode variable : container.path("env")) {
            String name = variable.path("name").asText();
            if (variable.has("value")) {
                env.put(name, variable.path("value").asText());
            } else {
                resolveKeyRef(variable.path("valueFrom"), "configMapKeyRef", "ConfigMap", name, problems)
                        .or(() -> resolveKeyRef(variable.path("valueFrom"), "secretKeyRef", "Secret", name, problems))
                        .ifPresent(value -> env.put(name, value));
            }
        }
        return env;
    }

    private Optional<Map<String, String>> resolveSource(JsonNode source, String field, String kind, List<String> problems) {
        if (!source.has(field)) {
            return Optional.empty();
        }
        String name = source.path(field).path("name").asText();
        Optional<Map<String, String>> keys = keysOf(kind, name);
        if (keys.isEmpty() && !source.path(field).path("optional").asBoolean(false)) {
            problems.add("envFrom " + kind + " '" + name + "' is not defined in deploy/k8s");
        }
        return keys;
    }

    private Optional<String> resolveKeyRef(JsonNode valueFrom, String field, String kind, String variable,
                                           List<String> problems) {
        if (!valueFrom.has(field)) {
            return Optional.empty();
        }
        String name = valueFrom.path(field).path("name").asText();
        String key = valueFrom.path(field).path("key").asText();
        Optional<String> value = keysOf(kind, name).map(keys -> keys.get(key));
        if (value.isEmpty() && !valueFrom.path(field).path("optional").asBoolean(false)) {
            problems.add(variable + ": " + kind + " '" + name + "' with key '" + key + "' is not defined in deploy/k8s");
        }
        return value;
    }

    /** The pod labels a selector's {@code matchLabels} must all be found in. */
    static boolean selects(JsonNode matchLabels, JsonNode podLabels) {
        Set<String> missing = new LinkedHashSet<>();
        matchLabels.properties().forEach(e -> {
            if (!e.getValue().asText().equals(podLabels.path(e.getKey()).asText(null))) {
                missing.add(e.getKey());
            }
        });
        return !matchLabels.isEmpty() && missing.isEmpty();
    }
}
