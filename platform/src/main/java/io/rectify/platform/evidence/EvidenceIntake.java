package io.rectify.platform.evidence;

import io.rectify.platform.problem.Problem;
import io.rectify.platform.problem.ProblemException;
import io.rectify.platform.security.Caller;
import io.rectify.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes an upload in: spools it to a temporary file while hashing and counting it (never the whole file
 * in the heap), refuses it when too large (413), when its declared digest differs (422), when its content
 * is not a type evidence may have or not the type it claims (415); reads its EXIF; stores the bytes once
 * per digest and records the upload.
 */
@ApplicationScoped
public class EvidenceIntake {

    private static final Logger LOG = Logger.getLogger(EvidenceIntake.class);
    private static final int BUFFER = 64 * 1024;
    /** After a 413 the rest of a chunked body is read and dropped up to this much, so the client sees the answer. */
    private static final long DRAIN_CAP = 64L * 1024 * 1024;

    @Inject
    EvidenceConfig config;

    @Inject
    EvidenceStore store;

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    /** What the client said about the file; each may be absent. */
    public record Declared(String contentType, String fileName, String sha256) {
    }

    public EvidenceFile upload(InputStream body, Declared declared) {
        String expectedSha = checkDeclaredDigest(declared.sha256());
        Path spool = null;
        try {
            spool = Files.createTempFile(spoolDirectory(), "upload-", ".part");
            Spooled spooled = spool(body, spool);
            if (spooled.size() == 0) {
                throw ProblemException.invalid("file", "is empty");
            }
            if (expectedSha != null && !expectedSha.equals(spooled.sha256())) {
                throw ProblemException.invalid("X-Content-SHA256", "the file's SHA-256 is " + spooled.sha256() + ", not " + expectedSha);
            }
            String mediaType = checkType(spooled, declared);
            PhotoMetadata photo = MediaTypes.isImage(mediaType) ? PhotoMetadata.read(spool, ZoneId.of(config.cameraZone())) : PhotoMetadata.NONE;
            Path spooledFile = spool;
            EvidenceFile file = QuarkusTransaction.joiningExisting().call(() -> record(spooledFile, spooled, mediaType, cleanName(declared.fileName()), photo));
            LOG.infof("evidence %s stored: %s, %d bytes, sha256 %s, by %s", file.id, mediaType, file.size, file.sha256, file.uploadedBy);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (spool != null) {
                try {
                    Files.deleteIfExists(spool);
                } catch (IOException e) {
                    LOG.warnf("could not delete spooled upload %s", spool);
                }
            }
        }
    }

    private EvidenceFile record(Path spool, Spooled spooled, String mediaType, String fileName, PhotoMetadata photo) throws IOException {
        if (!store.contains(spooled.sha256())) {
            store.put(spooled.sha256(), spool, spooled.size());
        }
        EvidenceFile f = new EvidenceFile();
        f.id = UUID.randomUUID();
        f.sha256 = spooled.sha256();
        f.size = spooled.size();
        f.mediaType = mediaType;
        f.fileName = fileName;
        f.uploadedBy = caller.subject();
        f.uploaderRole = caller.actingRole();
        f.uploaderCreditCode = caller.is(Roles.ENTERPRISE) ? caller.creditCode() : null;
        f.uploadedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        f.capturedAt = photo.capturedAt();
        f.latitude = photo.latitude();
        f.longitude = photo.longitude();
        em.persist(f);
        return f;
    }

    record Spooled(String sha256, long size, byte[] head, int headLength) {
    }

    private Spooled spool(InputStream body, Path spool) throws IOException {
        long limit = config.maxSize().asLongValue();
        MessageDigest digest = sha256();
        byte[] head = new byte[MediaTypes.HEAD];
        int headLength = 0;
        long size = 0;
        byte[] buffer = new byte[BUFFER];
        try (OutputStream out = Files.newOutputStream(spool)) {
            int n;
            while ((n = body.read(buffer)) >= 0) {
                if (size + n > limit) {
                    drain(body, buffer, size + n);
                    throw tooLarge(limit);
                }
                if (headLength < head.length) {
                    int take = Math.min(n, head.length - headLength);
                    System.arraycopy(buffer, 0, head, headLength, take);
                    headLength += take;
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
                size += n;
            }
        }
        return new Spooled(HexFormat.of().formatHex(digest.digest()), size, head, headLength);
    }

    /** Reads and drops the rest into the same small buffer (HTTP's lingering close), bounded. */
    private static void drain(InputStream body, byte[] buffer, long seen) {
        try {
            int n;
            while (seen < DRAIN_CAP && (n = body.read(buffer)) >= 0) {
                seen += n;
            }
        } catch (IOException e) {
            // the client went away: nothing left to answer
        }
    }

    public static ProblemException tooLarge(long limit) {
        return new ProblemException(Problem.of(413, "payload-too-large", "Payload too large",
                "an evidence file may be at most " + limit + " bytes"));
    }

    private String checkType(Spooled spooled, Declared declared) {
        Optional<String> sniffed = MediaTypes.sniff(spooled.head(), spooled.headLength());
        if (sniffed.isEmpty()) {
            throw unsupported("the content is not a JPEG, PNG, WebP or HEIC photo, a PDF document or an MP4 video");
        }
        String type = sniffed.get();
        MediaTypes.declared(declared.contentType()).filter(d -> !d.equals(type)).ifPresent(d -> {
            throw unsupported("the content is " + type + ", but it was declared as " + d);
        });
        MediaTypes.ofFileName(declared.fileName()).filter(d -> !d.equals(type)).ifPresent(d -> {
            throw unsupported("the content is " + type + ", but the file name " + declared.fileName() + " says " + d);
        });
        return type;
    }

    private static ProblemException unsupported(String detail) {
        return new ProblemException(Problem.of(415, "unsupported-media-type", "Unsupported media type", detail)
                .with("accepted", java.util.List.of(MediaTypes.JPEG, MediaTypes.PNG, MediaTypes.WEBP, MediaTypes.HEIC, MediaTypes.PDF, MediaTypes.MP4)));
    }

    private static String checkDeclaredDigest(String declared) {
        if (declared == null || declared.isBlank()) {
            return null;
        }
        String sha = declared.trim().toLowerCase(Locale.ROOT);
        if (!sha.matches("^[0-9a-f]{64}$")) {
            throw ProblemException.invalid("X-Content-SHA256", "must be a SHA-256 digest: 64 hexadecimal digits");
        }
        return sha;
    }

    /** Only the last path segment, printable, at most 255 characters: it ends up in Content-Disposition. */
    static String cleanName(String name) {
        if (name == null) {
            return null;
        }
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String clean = base.replaceAll("[\\p{Cntrl}\"]", "").trim();
        if (clean.isEmpty()) {
            return null;
        }
        return clean.length() > 255 ? clean.substring(clean.length() - 255) : clean;
    }

    private Path spoolDirectory() throws IOException {
        Path dir = config.spoolDirectory().map(Path::of).orElse(Path.of(System.getProperty("java.io.tmpdir"), "rectify-evidence"));
        return Files.createDirectories(dir);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
