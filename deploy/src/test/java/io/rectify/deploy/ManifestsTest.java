package io.rectify.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.deploy.ServiceSettings.Requirement;
import io.rectify.deploy.YamlDocuments.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parses every manifest of deploy/k8s and deploy/compose and checks them against what the services actually
 * read (their application.properties and the platform's shared defaults) and against contracts.md: a
 * setting a service needs but no manifest provides, a probe on the wrong path, a topic with the wrong
 * partitions or retention is caught here, without Docker or a cluster.
 */
class ManifestsTest {

    private static final String[] SERVICES =
            {"inspection-service", "hazard-service", "scoring-service", "notification-service"};

    /** The topic settings contracts.md states in prose ("Topic settings: …"), per topic of its Kafka table. */
    private static final Map<String, Map<String, String>> CONTRACT_TOPIC_CONFIG = Map.of(
            "inspection.events", Map.of("retention.ms", "-1"),
            "hazard.events", Map.of("retention.ms", "-1"),
            "county.index", Map.of("cleanup.policy", "compact"),
            "notification.events", Map.of("retention.ms", String.valueOf(30L * 24 * 60 * 60 * 1000)),
            "audit.checkpoints", Map.of("retention.ms", "-1"));
    private static final int CONTRACT_PARTITIONS = 6;

    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^:/]+)(?::\\d+)?/([^?]+).*");

    private static Path root;
    private static Map<String, ServiceSettings> settings;
    private static KubeManifests k8s;
    private static ComposeFile compose;

    @BeforeAll
    static void load() {
        // Maven runs the tests in the module directory, deploy/
        root = Path.of("").toAbsolutePath().getParent();
        settings = new LinkedHashMap<>();
        for (String service : SERVICES) {
            settings.put(service, ServiceSettings.load(root, service));
        }
        k8s = KubeManifests.load(root.resolve("deploy/k8s"));
        compose = ComposeFile.load(root.resolve("deploy/compose/docker-compose.yml"));
    }

    // ---------------------------------------------------------------------------------------------
    // Kubernetes: the manifests as a whole
    // ---------------------------------------------------------------------------------------------

    @Test
    void everyKubernetesDocumentIsAUniquelyNamedResource() {
        assertThat(k8s.all()).isNotEmpty();
        Set<String> seen = new HashSet<>();
        for (Document d : k8s.all()) {
            if (d.kind().equals("Kustomization")) {
                continue;
            }
            assertThat(d.node().path("apiVersion").asText()).as("apiVersion of %s", d).isNotBlank();
            assertThat(d.name()).as("metadata.name of a %s in %s", d.kind(), d.file()).isNotBlank();
            assertThat(seen.add(d.kind() + "/" + d.name())).as("%s is defined twice", d).isTrue();
            if (!d.kind().equals("Namespace")) {
                assertThat(d.node().path("metadata").path("namespace").asText()).as("namespace of %s", d)
                        .isEqualTo("rectify");
            }
        }
    }

    @Test
    void kustomizationListsEveryManifest() throws IOException {
        Path dir = root.resolve("deploy/k8s");
        JsonNode kustomization = YamlDocuments.read(dir.resolve("kustomization.yaml")).get(0).node();
        Set<String> listed = new TreeSet<>();
        kustomization.path("resources").forEach(r -> listed.add(r.asText()));
        Set<String> files = new TreeSet<>();
        try (var stream = Files.list(dir)) {
            stream.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches(".*\\.ya?ml") && !n.equals("kustomization.yaml"))
                    .forEach(files::add);
        }
        assertThat(listed).isEqualTo(files);
    }

    // ---------------------------------------------------------------------------------------------
    // Kubernetes: one Deployment per service
    // ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"inspection-service", "hazard-service", "scoring-service", "notification-service"})
    void deploymentProvidesEveryRequiredSetting(String service) {
        JsonNode container = container(service);
        List<String> problems = new ArrayList<>();
        Map<String, String> env = k8s.environmentOf(container, problems);

        assertThat(problems).as("dangling ConfigMap/Secret references of %s", service).isEmpty();
        assertThat(missing(settings.get(service).requirements(), env.keySet()))
                .as("settings %s needs that its Deployment does not provide", service).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"inspection-service", "hazard-service", "scoring-service", "notification-service"})
    void deploymentHasProbesResourcesAndRunsAsNonRoot(String service) {
        JsonNode pod = deployment(service).path("spec").path("template").path("spec");
        JsonNode container = container(service);

        int port = servicePort(service, k8s.environmentOf(container, new ArrayList<>()));
        JsonNode ports = container.path("ports");
        assertThat(ports).as("container ports of %s", service).hasSize(1);
        assertThat(ports.get(0).path("containerPort").asInt()).isEqualTo(port);
        String portName = ports.get(0).path("name").asText();

        assertProbe(service, container.path("livenessProbe"), "/q/health/live", port, portName);
        assertProbe(service, container.path("readinessProbe"), "/q/health/ready", port, portName);

        for (String bound : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                assertThat(container.path("resources").path(bound).path(resource).asText())
                        .as("resources.%s.%s of %s", bound, resource, service).isNotBlank();
            }
        }

        boolean nonRoot = pod.path("securityContext").path("runAsNonRoot").asBoolean(false)
                || container.path("securityContext").path("runAsNonRoot").asBoolean(false);
        assertThat(nonRoot).as("runAsNonRoot of %s", service).isTrue();
        long user = container.path("securityContext").path("runAsUser")
                .asLong(pod.path("securityContext").path("runAsUser").asLong(0));
        assertThat(user).as("runAsUser of %s (the image's user is 185)", service).isEqualTo(185);
        assertThat(container.path("securityContext").path("allowPrivilegeEscalation").asBoolean(true))
                .as("allowPrivilegeEscalation of %s", service).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"inspection-service", "hazard-service", "scoring-service", "notification-service"})
    void jwtPublicKeyIsAFileMountedFromASecret(String service) {
        JsonNode pod = deployment(service).path("spec").path("template").path("spec");
        JsonNode container = container(service);
        String keyPath = k8s.environmentOf(container, new ArrayList<>()).get("RECTIFY_JWT_PUBLIC_KEY");
        assertThat(keyPath).as("RECTIFY_JWT_PUBLIC_KEY of %s", service).startsWith("/");

        JsonNode mount = StreamSupport.stream(container.path("volumeMounts").spliterator(), false)
                .filter(m -> keyPath.startsWith(m.path("mountPath").asText() + "/"))
                .findFirst().orElse(null);
        assertThat(mount).as("a volume mounted above %s in %s", keyPath, service).isNotNull();
        JsonNode volume = StreamSupport.stream(pod.path("volumes").spliterator(), false)
                .filter(v -> v.path("name").asText().equals(mount.path("name").asText()))
                .findFirst().orElseThrow();
        String secretName = volume.path("secret").path("secretName").asText();
        assertThat(secretName).as("the JWT key volume of %s comes from a Secret", service).isNotBlank();

        String fileName = keyPath.substring(mount.path("mountPath").asText().length() + 1);
        assertThat(k8s.keysOf("Secret", secretName)).as("Secret %s", secretName).isPresent();
        assertThat(k8s.keysOf("Secret", secretName).orElseThrow()).as("keys of Secret %s", secretName)
                .containsKey(fileName);
    }

    @ParameterizedTest
    @ValueSource(strings = {"inspection-service", "hazard-service", "scoring-service", "notification-service"})
    void serviceDisruptionBudgetAndAutoscalerTargetTheDeployment(String service) {
        JsonNode podLabels = deployment(service).path("spec").path("template").path("metadata").path("labels");
        assertThat(KubeManifests.selects(deployment(service).path("spec").path("selector").path("matchLabels"), podLabels))
                .as("the Deployment's selector matches its pods").isTrue();

        JsonNode svc = k8s.find("Service", service).orElseThrow().node();
        assertThat(KubeManifests.selects(svc.path("spec").path("selector"), podLabels))
                .as("Service %s selects the pods", service).isTrue();
        String containerPortName = container(service).path("ports").get(0).path("name").asText();
        int containerPort = container(service).path("ports").get(0).path("containerPort").asInt();
        JsonNode target = svc.path("spec").path("ports").get(0).path("targetPort");
        assertThat(target.isInt() ? target.asInt() == containerPort : target.asText().equals(containerPortName))
                .as("Service %s targets the container port", service).isTrue();

        JsonNode pdb = k8s.find("PodDisruptionBudget", service).orElseThrow().node();
        assertThat(KubeManifests.selects(pdb.path("spec").path("selector").path("matchLabels"), podLabels))
                .as("PodDisruptionBudget %s selects the pods", service).isTrue();

        JsonNode hpa = k8s.find("HorizontalPodAutoscaler", service).orElseThrow().node();
        assertThat(hpa.path("spec").path("scaleTargetRef").path("kind").asText()).isEqualTo("Deployment");
        assertThat(hpa.path("spec").path("scaleTargetRef").path("name").asText()).isEqualTo(service);
        assertThat(hpa.path("spec").path("maxReplicas").asInt())
                .isGreaterThanOrEqualTo(hpa.path("spec").path("minReplicas").asInt(1));
        assertThat(hpa.path("spec").path("metrics")).as("metrics of HPA %s", service).isNotEmpty();
    }

    @Test
    void consumerServicesReadTheTopicsOfTheirConsumerGroups() {
        // keeps the next test honest: it must have consumers to check
        assertThat(settings.get("hazard-service").consumedTopics()).contains("inspection.events");
        assertThat(settings.get("scoring-service").consumedTopics()).contains("inspection.events", "hazard.events");
        assertThat(settings.get("notification-service").consumedTopics()).contains("hazard.events");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hazard-service", "scoring-service", "notification-service"})
    void consumerAutoscalingStopsAtThePartitionCount(String service) {
        int maxReplicas = k8s.find("HorizontalPodAutoscaler", service).orElseThrow()
                .node().path("spec").path("maxReplicas").asInt();
        for (String topic : settings.get(service).consumedTopics()) {
            int partitions = kafkaTopic(topic).path("spec").path("partitions").asInt();
            assertThat(maxReplicas)
                    .as("%s consumes %s (%d partitions): more replicas than partitions sit idle in the group",
                            service, topic, partitions)
                    .isLessThanOrEqualTo(partitions);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Kubernetes: Kafka (Strimzi) and PostgreSQL (CloudNativePG)
    // ---------------------------------------------------------------------------------------------

    @Test
    void kafkaTopicsMatchContracts() throws IOException {
        assertThat(contractTopics()).as("the topics of contracts.md (the expectations here must follow it)")
                .isEqualTo(new TreeSet<>(CONTRACT_TOPIC_CONFIG.keySet()));
        for (var expected : CONTRACT_TOPIC_CONFIG.entrySet()) {
            JsonNode spec = kafkaTopic(expected.getKey()).path("spec");
            assertThat(spec.path("partitions").asInt()).as("partitions of %s", expected.getKey())
                    .isEqualTo(CONTRACT_PARTITIONS);
            assertThat(config(spec.path("config"))).as("config of %s", expected.getKey())
                    .containsAllEntriesOf(expected.getValue());
        }
        assertThat(config(kafkaTopic("county.index").path("spec").path("config")))
                .as("county.index is compacted, never deleted by age").doesNotContainKey("retention.ms");
    }

    @Test
    void everyTopicAServiceNamesIsDeclared() {
        Set<String> declared = k8s.ofKind("KafkaTopic").stream()
                .map(d -> d.node().path("spec").path("topicName").asText(d.name()))
                .collect(Collectors.toCollection(TreeSet::new));
        for (ServiceSettings s : settings.values()) {
            assertThat(declared).as("KafkaTopics for the channels of %s (auto-creation is off)", s.service())
                    .containsAll(s.channelTopics());
            assertThat(compose.createdTopics().keySet()).as("compose topics for the channels of %s", s.service())
                    .containsAll(s.channelTopics());
        }
    }

    @Test
    void kafkaRunsKraftWithThreeNodesThatAreControllersAndBrokers() {
        List<Document> clusters = k8s.ofKind("Kafka");
        assertThat(clusters).hasSize(1);
        String cluster = clusters.get(0).name();
        assertThat(clusters.get(0).node().path("spec").has("zookeeper")).isFalse();

        List<Document> pools = k8s.ofKind("KafkaNodePool");
        assertThat(pools).isNotEmpty();
        Set<String> roles = new TreeSet<>();
        for (Document pool : pools) {
            assertThat(pool.node().path("metadata").path("labels").path("strimzi.io/cluster").asText())
                    .isEqualTo(cluster);
            pool.node().path("spec").path("roles").forEach(r -> roles.add(r.asText()));
        }
        assertThat(roles).containsExactly("broker", "controller");
        Document dualRole = pools.stream()
                .filter(p -> p.node().path("spec").path("roles").size() == 2).findFirst().orElseThrow();
        assertThat(dualRole.node().path("spec").path("replicas").asInt()).isEqualTo(3);

        for (Document topic : k8s.ofKind("KafkaTopic")) {
            assertThat(topic.node().path("metadata").path("labels").path("strimzi.io/cluster").asText())
                    .as("cluster label of %s", topic).isEqualTo(cluster);
            assertThat(topic.node().path("spec").path("replicas").asInt()).as("replicas of %s", topic)
                    .isLessThanOrEqualTo(dualRole.node().path("spec").path("replicas").asInt());
        }
        for (String service : SERVICES) {
            String bootstrap = k8s.environmentOf(container(service), new ArrayList<>()).get("KAFKA_BOOTSTRAP_SERVERS");
            assertThat(bootstrap).as("KAFKA_BOOTSTRAP_SERVERS of %s", service)
                    .isEqualTo(cluster + "-kafka-bootstrap:9093");
        }
    }

    /** The broker takes only TLS + SCRAM, and each service connects as its own user whose ACLs cover its channels. */
    @Test
    void everyServiceConnectsAsItsOwnKafkaUserOverTlsAndScram() {
        JsonNode kafka = k8s.ofKind("Kafka").get(0).node().path("spec").path("kafka");
        assertThat(kafka.path("listeners")).allSatisfy(l -> {
            assertThat(l.path("tls").asBoolean()).as("listener %s uses TLS", l.path("name").asText()).isTrue();
            assertThat(l.path("authentication").path("type").asText()).isEqualTo("scram-sha-512");
        });
        assertThat(kafka.path("authorization").path("type").asText()).isEqualTo("simple");
        for (String service : SERVICES) {
            List<String> problems = new ArrayList<>();
            Map<String, String> env = k8s.environmentOf(container(service), problems);
            assertThat(problems).as("secret references of %s", service).isEmpty();
            assertThat(env).as("Kafka security settings of %s", service)
                    .containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL").containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
                    .containsKeys("KAFKA_SASL_JAAS_CONFIG", "KAFKA_SSL_TRUSTSTORE_LOCATION", "KAFKA_SSL_TRUSTSTORE_PASSWORD");
            JsonNode jaas = StreamSupport.stream(container(service).path("env").spliterator(), false)
                    .filter(e -> e.path("name").asText().equals("KAFKA_SASL_JAAS_CONFIG")).findFirst().orElseThrow();
            assertThat(jaas.path("valueFrom").path("secretKeyRef").path("name").asText()).as("the Kafka user of %s", service)
                    .isEqualTo(service);

            Document user = k8s.find("KafkaUser", service).orElseThrow(() -> new AssertionError("no KafkaUser " + service));
            Set<String> readable = new TreeSet<>();
            for (JsonNode acl : user.node().path("spec").path("authorization").path("acls")) {
                if (acl.path("resource").path("type").asText().equals("topic")) {
                    acl.path("operations").forEach(op -> {
                        if (op.asText().equals("Read")) {
                            readable.add(acl.path("resource").path("name").asText());
                        }
                    });
                }
            }
            assertThat(readable).as("topics %s may read", service).containsAll(settings.get(service).consumedTopics());
        }
    }

    @Test
    void postgresHasThreeInstancesAndEveryServiceDatabase() {
        List<Document> clusters = k8s.ofKind("Cluster");
        assertThat(clusters).hasSize(1);
        JsonNode cluster = clusters.get(0).node();
        assertThat(cluster.path("spec").path("instances").asInt()).isEqualTo(3);
        String clusterName = clusters.get(0).name();

        Set<String> databases = new TreeSet<>();
        databases.add(cluster.path("spec").path("bootstrap").path("initdb").path("database").asText());
        k8s.ofKind("Database").stream()
                .filter(d -> d.node().path("spec").path("cluster").path("name").asText().equals(clusterName))
                .forEach(d -> databases.add(d.node().path("spec").path("name").asText()));
        String credentials = cluster.path("spec").path("bootstrap").path("initdb").path("secret").path("name").asText();
        assertThat(k8s.keysOf("Secret", credentials)).as("Secret %s", credentials).isPresent();

        for (String service : SERVICES) {
            JsonNode container = container(service);
            String url = k8s.environmentOf(container, new ArrayList<>()).get("RECTIFY_DB_URL");
            Matcher m = JDBC_URL.matcher(url);
            assertThat(m.matches()).as("RECTIFY_DB_URL of %s: %s", service, url).isTrue();
            assertThat(m.group(1)).as("database host of %s: the primary", service).isEqualTo(clusterName + "-rw");
            assertThat(databases).as("databases of %s", clusterName).contains(m.group(2));

            Set<String> credentialSecrets = new TreeSet<>();
            for (JsonNode variable : container.path("env")) {
                if (variable.path("name").asText().startsWith("RECTIFY_DB_")) {
                    credentialSecrets.add(variable.path("valueFrom").path("secretKeyRef").path("name").asText());
                }
            }
            // the runtime role's Secret and, for the migrations, the owner role's (least privilege, issue 12)
            assertThat(credentialSecrets).as("database credentials of %s: the role's Secret", service)
                    .contains(credentials);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // docker compose
    // ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"inspection-service", "hazard-service", "scoring-service", "notification-service"})
    void composeBuildsTheServiceFromItsDockerfile(String service) {
        JsonNode build = compose.service(service).path("build");
        Path context = compose.directory().resolve(build.path("context").asText()).normalize();
        assertThat(context).as("build context of %s", service).isEqualTo(root.resolve(service));
        Path dockerfile = context.resolve(build.path("dockerfile").asText("Dockerfile"));
        assertThat(dockerfile).as("Dockerfile of %s", service).isRegularFile();

        String text = read(dockerfile);
        assertThat(text).contains("registry.access.redhat.com/ubi9/openjdk-17-runtime")
                .contains("target/quarkus-app/lib/", "target/quarkus-app/app/", "target/quarkus-app/quarkus/")
                .contains("USER 185")
                .contains("EXPOSE " + settings.get(service).defaultPort());
    }

    @ParameterizedTest
    @ValueSource(strings = {"inspection-service", "hazard-service", "scoring-service", "notification-service"})
    void composeProvidesEveryRequiredSetting(String service) {
        assertThat(compose.service(service).isObject()).as("compose service %s", service).isTrue();
        assertThat(missing(settings.get(service).requirements(), compose.environmentOf(service).keySet()))
                .as("settings %s needs that docker-compose.yml does not provide", service).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"inspection-service", "hazard-service", "scoring-service", "notification-service"})
    void composeServiceMountsItsKeyChecksItsHealthAndWaitsForItsInfrastructure(String service) {
        Map<String, String> env = compose.environmentOf(service);
        String keyPath = env.get("RECTIFY_JWT_PUBLIC_KEY");
        assertThat(compose.hostFileMountedAt(service, keyPath)).as("a file mounted at %s in %s", keyPath, service)
                .hasValueSatisfying(file -> assertThat(file).isRegularFile());

        int port = servicePort(service, env);
        String healthcheck = compose.service(service).path("healthcheck").path("test").toString();
        assertThat(healthcheck).as("healthcheck of %s", service).contains("/q/health/ready").contains(String.valueOf(port));

        JsonNode dependsOn = compose.service(service).path("depends_on");
        assertThat(dependsOn.isObject()).as("depends_on of %s has conditions", service).isTrue();
        dependsOn.properties().forEach(e -> {
            assertThat(compose.services().has(e.getKey())).as("%s depends on %s", service, e.getKey()).isTrue();
            assertThat(e.getValue().path("condition").asText()).as("condition on %s", e.getKey()).isNotBlank();
        });
        assertThat(dependsOn.path("postgres").path("condition").asText()).isEqualTo("service_healthy");

        Matcher url = JDBC_URL.matcher(env.get("RECTIFY_DB_URL"));
        assertThat(url.matches()).isTrue();
        assertThat(compose.services().has(url.group(1))).as("database host of %s", service).isTrue();
        assertThat(read(compose.directory().resolve("postgres/init-databases.sh")))
                .as("the init script creates %s", url.group(2)).contains("CREATE DATABASE " + url.group(2) + " ");
        assertThat(compose.services().has(env.get("KAFKA_BOOTSTRAP_SERVERS").split(":")[0]))
                .as("Kafka host of %s", service).isTrue();
    }

    @Test
    void composeCreatesTheSameTopicsAsTheCluster() {
        Map<String, String> cluster = new TreeMap<>();
        for (Document topic : k8s.ofKind("KafkaTopic")) {
            JsonNode spec = topic.node().path("spec");
            cluster.put(spec.path("topicName").asText(topic.name()),
                    spec.path("partitions").asInt() + " " + new TreeMap<>(config(spec.path("config"))));
        }
        Map<String, String> local = new TreeMap<>();
        compose.createdTopics().forEach((name, spec) ->
                local.put(name, spec.partitions() + " " + new TreeMap<>(spec.config())));

        assertThat(local).isNotEmpty().isEqualTo(cluster);
    }

    // ---------------------------------------------------------------------------------------------
    // The checks themselves: they find what they are meant to find
    // ---------------------------------------------------------------------------------------------

    @Test
    void requiredSettingsIncludeTheConnectionSettingsOfEveryService() {
        for (ServiceSettings s : settings.values()) {
            assertThat(s.requirements()).extracting(Requirement::variable).as("required settings of %s", s.service())
                    .contains("RECTIFY_DB_URL", "KAFKA_BOOTSTRAP_SERVERS", "RECTIFY_JWT_PUBLIC_KEY");
        }
    }

    @Test
    void aVariableWithoutDefaultIsRequiredAndProfileKeysAreIgnored(@TempDir Path repo) throws IOException {
        Files.createDirectories(repo.resolve("platform/src/main/resources/META-INF"));
        Files.writeString(repo.resolve("platform/src/main/resources/META-INF/microprofile-config.properties"),
                "kafka.bootstrap.servers=${KAFKA_BOOTSTRAP_SERVERS:127.0.0.1:9092}\n");
        Files.createDirectories(repo.resolve("x-service/src/main/resources"));
        Files.writeString(repo.resolve("x-service/src/main/resources/application.properties"), """
                quarkus.http.port=${PORT:8099}
                x.needed=${X_NEEDED}
                x.optional=${X_OPTIONAL:5}
                x.nested=${x.other.property}
                %test.x.only-in-tests=${X_TEST_ONLY}
                mp.messaging.incoming.in.topic=${rectify.kafka.topic-prefix:}some.topic
                """);

        ServiceSettings s = ServiceSettings.load(repo, "x-service");

        assertThat(s.requirements()).extracting(Requirement::variable)
                .contains("X_NEEDED", "KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_DATASOURCE_JDBC_URL")
                .doesNotContain("X_OPTIONAL", "X_TEST_ONLY", "x.other.property", "PORT");
        Requirement needed = s.requirements().stream().filter(r -> r.variable().equals("X_NEEDED")).findFirst().orElseThrow();
        assertThat(needed.satisfiedBy(Set.of("X_NEEDED"))).isTrue();
        assertThat(needed.satisfiedBy(Set.of("X_NEEDED_TYPO"))).isFalse();
        assertThat(s.defaultPort()).isEqualTo(8099);
        assertThat(s.consumedTopics()).containsExactly("some.topic");
    }

    @Test
    void aReferenceToAnUndefinedSecretKeyIsReported(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("x.yaml"), """
                apiVersion: v1
                kind: Secret
                metadata: {name: s}
                stringData: {password: p}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: c}
                data: {A: "1"}
                """);
        KubeManifests manifests = KubeManifests.load(dir);
        JsonNode container = YamlDocuments.read(writeContainer(dir)).get(0).node();
        List<String> problems = new ArrayList<>();

        Map<String, String> env = manifests.environmentOf(container, problems);

        assertThat(env).containsOnlyKeys("A", "B", "P");
        assertThat(problems).hasSize(2).anyMatch(p -> p.contains("'missing-map'")).anyMatch(p -> p.contains("'nope'"));
    }

    private static Path writeContainer(Path dir) throws IOException {
        Path file = Files.createDirectories(dir.resolve("containers")).resolve("container.yml");
        Files.writeString(file, """
                name: x
                envFrom:
                  - configMapRef: {name: c}
                  - configMapRef: {name: missing-map}
                env:
                  - {name: B, value: "2"}
                  - name: P
                    valueFrom: {secretKeyRef: {name: s, key: password}}
                  - name: Q
                    valueFrom: {secretKeyRef: {name: s, key: nope}}
                """);
        return file;
    }

    // ---------------------------------------------------------------------------------------------

    private static Set<String> contractTopics() throws IOException {
        String contracts = Files.readString(root.resolve("docs/spec/contracts.md"));
        String kafka = contracts.substring(contracts.indexOf("## Kafka"));
        Set<String> topics = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\|\\s*`([a-z.]+)`\\s*\\|").matcher(kafka);
        while (m.find()) {
            topics.add(m.group(1));
        }
        return topics;
    }

    private static List<String> missing(Set<Requirement> requirements, Set<String> provided) {
        return requirements.stream().filter(r -> !r.satisfiedBy(provided)).map(Requirement::toString).toList();
    }

    private static int servicePort(String service, Map<String, String> env) {
        return env.containsKey("PORT") ? Integer.parseInt(env.get("PORT")) : settings.get(service).defaultPort();
    }

    private static void assertProbe(String service, JsonNode probe, String path, int port, String portName) {
        JsonNode get = probe.path("httpGet");
        assertThat(get.path("path").asText()).as("probe path of %s", service).isEqualTo(path);
        JsonNode probePort = get.path("port");
        assertThat(probePort.isInt() ? probePort.asInt() == port : probePort.asText().equals(portName))
                .as("probe %s of %s is on the container's port", path, service).isTrue();
    }

    private static JsonNode deployment(String service) {
        return k8s.find("Deployment", service).orElseThrow(() -> new AssertionError("no Deployment " + service)).node();
    }

    private static JsonNode container(String service) {
        JsonNode containers = deployment(service).path("spec").path("template").path("spec").path("containers");
        return StreamSupport.stream(containers.spliterator(), false)
                .filter(c -> c.path("name").asText().equals(service))
                .findFirst().orElseThrow(() -> new AssertionError("no container " + service + " in its Deployment"));
    }

    private static JsonNode kafkaTopic(String topic) {
        return k8s.ofKind("KafkaTopic").stream()
                .filter(d -> d.node().path("spec").path("topicName").asText(d.name()).equals(topic))
                .findFirst().orElseThrow(() -> new AssertionError("no KafkaTopic " + topic)).node();
    }

    private static Map<String, String> config(JsonNode config) {
        Map<String, String> map = new LinkedHashMap<>();
        config.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }
}
