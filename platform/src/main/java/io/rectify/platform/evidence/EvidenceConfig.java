package io.rectify.platform.evidence;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Evidence files: where the bytes are kept, how large one may be, when unreferenced uploads go. */
@ConfigMapping(prefix = "rectify.evidence")
public interface EvidenceConfig {

    /** Build time: whether this service serves /api/v1/evidence (inspection-service and hazard-service do). */
    @WithDefault("false")
    boolean enabled();

    /** How often unreferenced uploads are swept, and how long after start the first sweep runs. */
    @WithDefault("1h")
    String sweepInterval();

    @WithDefault("5m")
    String sweepDelay();

    /** The largest file accepted; a larger one is a 413 (the rest of it is not read into memory). */
    @WithDefault("20M")
    MemorySize maxSize();

    /** {@code postgres} (the default: nothing else to run) or {@code s3}. */
    @WithDefault("postgres")
    String store();

    /** An upload no finding or hazard references is deleted once it is this old. */
    @WithDefault("P1D")
    Duration unreferencedRetention();

    /** The zone of an EXIF capture time that carries no offset (cameras write local time). */
    @WithDefault("Asia/Shanghai")
    String cameraZone();

    /** Where uploads are spooled while they are hashed and checked (never held in the heap). */
    Optional<String> spoolDirectory();

    S3 s3();

    interface S3 {
        /** The S3 endpoint; empty means AWS itself (region's default endpoint). */
        Optional<String> endpoint();

        @WithDefault("rectify-evidence")
        String bucket();

        @WithDefault("us-east-1")
        String region();

        Optional<String> accessKeyId();

        Optional<String> secretAccessKey();

        /** Path-style addressing ({@code endpoint/bucket/key}), which S3-compatible servers need. */
        @WithDefault("true")
        boolean pathStyle();

        /** Create the bucket at start when it is missing (tests and the local stack). */
        @WithDefault("false")
        boolean createBucket();
    }
}
