package io.rectify.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service's configuration asks of its environment, read from the same files the service reads: the
 * platform's shared defaults ({@code META-INF/microprofile-config.properties}) overridden by the service's
 * {@code application.properties}. Profile-specific keys ({@code %test.…}) are ignored: a deployment runs the
 * {@code prod} profile.
 */
final class ServiceSettings {

    /** {@code ${NAME} or ${NAME:default}}: group 1 the name, group 2 the colon when there is a default. */
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}:$]+)(:?)");
    /** Environment variables are upper case; lower-case names in expressions are other properties. */
    private static final Pattern ENV_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    /** An expression that defaults to nothing, like the test-only {@code ${rectify.kafka.topic-prefix:}}. */
    private static final Pattern EMPTY_DEFAULT = Pattern.compile("\\$\\{[^}]*:}");
    private static final Pattern CHANNEL_TOPIC =
            Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.(topic|dead-letter-queue\\.topic)");

    /**
     * Settings whose defaults only make sense on a developer machine (127.0.0.1, the dev password, the dev
     * issuer): a deployment must set them even though the properties give a default.
     */
    private static final List<String> PRODUCTION_SETTINGS = List.of(
            "quarkus.datasource.jdbc.url",
            "quarkus.datasource.username",
            "quarkus.datasource.password",
            "kafka.bootstrap.servers",
            "mp.jwt.verify.publickey.location",
            "mp.jwt.verify.issuer");
    /** Production settings of a service only when it uses the feature (a mailer pointing at 127.0.0.1). */
    private static final List<String> PRODUCTION_SETTINGS_IF_PRESENT = List.of("quarkus.mailer.host");

    /**
     * One setting the environment must provide: under its own variable, or under any of the alternatives
     * (the property's canonical environment name, which overrides the property itself).
     */
    record Requirement(String variable, Set<String> alternatives, String reason) {
        boolean satisfiedBy(Set<String> provided) {
            return provided.contains(variable) || alternatives.stream().anyMatch(provided::contains);
        }

        @Override
        public String toString() {
            return variable + (alternatives.isEmpty() ? "" : " (or " + String.join(", ", alternatives) + ")")
                    + " — " + reason;
        }
    }

    private final String service;
    private final Map<String, String> properties;

    private ServiceSettings(String service, Map<String, String> properties) {
        this.service = service;
        this.properties = properties;
    }

    static ServiceSettings load(Path repositoryRoot, String service) {
        Map<String, String> merged = new LinkedHashMap<>();
        merged.putAll(read(repositoryRoot.resolve("platform/src/main/resources/META-INF/microprofile-config.properties")));
        merged.putAll(read(repositoryRoot.resolve(service).resolve("src/main/resources/application.properties")));
        merged.keySet().removeIf(key -> key.startsWith("%"));
        return new ServiceSettings(service, merged);
    }

    private static Map<String, String> read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
        Map<String, String> map = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
        return map;
    }

    String service() {
        return service;
    }

    /**
     * Every environment variable a deployment must set: those referenced without a default, and those behind
     * the production settings.
     */
    Set<Requirement> requirements() {
        Map<String, Requirement> byVariable = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            Matcher m = EXPRESSION.matcher(value);
            while (m.find()) {
                String name = m.group(1);
                if (ENV_NAME.matcher(name).matches() && m.group(2).isEmpty()) {
                    byVariable.putIfAbsent(name, new Requirement(name, Set.of(canonicalEnvName(key)),
                            key + " references it without a default"));
                }
            }
        });
        for (String key : PRODUCTION_SETTINGS) {
            Requirement r = productionRequirement(key);
            byVariable.putIfAbsent(r.variable(), r);
        }
        for (String key : PRODUCTION_SETTINGS_IF_PRESENT) {
            if (properties.containsKey(key)) {
                Requirement r = productionRequirement(key);
                byVariable.putIfAbsent(r.variable(), r);
            }
        }
        return new LinkedHashSet<>(byVariable.values());
    }

    private Requirement productionRequirement(String key) {
        String canonical = canonicalEnvName(key);
        String variable = environmentVariableOf(key).orElse(canonical);
        Set<String> alternatives = variable.equals(canonical) ? Set.of() : Set.of(canonical);
        return new Requirement(variable, alternatives, key + " has only a development default");
    }

    /** The first environment variable the property's value reads, if it reads one. */
    Optional<String> environmentVariableOf(String key) {
        String value = properties.get(key);
        if (value == null) {
            return Optional.empty();
        }
        Matcher m = EXPRESSION.matcher(value);
        while (m.find()) {
            if (ENV_NAME.matcher(m.group(1)).matches()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    /** The HTTP port when {@code PORT} is not set: the default of {@code quarkus.http.port}. */
    int defaultPort() {
        String value = properties.getOrDefault("quarkus.http.port", "8080");
        Matcher m = Pattern.compile("\\$\\{[^:}]+:(\\d+)}").matcher(value);
        return Integer.parseInt(m.matches() ? m.group(1) : value);
    }

    /** Topics this service reads with a consumer group (incoming channels), without the test-only prefix. */
    Set<String> consumedTopics() {
        Set<String> topics = new TreeSet<>();
        properties.forEach((key, value) -> {
            Matcher m = CHANNEL_TOPIC.matcher(key);
            if (m.matches() && m.group(1).equals("incoming") && m.group(3).equals("topic")) {
                topics.add(topicName(value));
            }
        });
        return topics;
    }

    /** Every topic the channels name: incoming, outgoing and dead-letter topics. */
    Set<String> channelTopics() {
        Set<String> topics = new TreeSet<>();
        properties.forEach((key, value) -> {
            if (CHANNEL_TOPIC.matcher(key).matches()) {
                topics.add(topicName(value));
            }
        });
        return topics;
    }

    private static String topicName(String value) {
        return EMPTY_DEFAULT.matcher(value).replaceAll("").trim();
    }

    /** How SmallRye Config maps a property name to an environment variable: non-alphanumerics to '_', upper case. */
    static String canonicalEnvName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
