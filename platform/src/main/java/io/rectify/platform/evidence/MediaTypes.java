package io.rectify.platform.evidence;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The media types evidence may have, recognised from the first bytes of the content (never from the
 * name): a photo (JPEG, PNG, WebP, HEIC), a document (PDF), a short video (MP4).
 */
public final class MediaTypes {

    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    public static final String WEBP = "image/webp";
    public static final String HEIC = "image/heic";
    public static final String PDF = "application/pdf";
    public static final String MP4 = "video/mp4";

    /** How many leading bytes {@link #sniff} needs. */
    public static final int HEAD = 16;

    private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1");
    private static final Set<String> MP4_BRANDS = Set.of("isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V ", "dash", "mmp4");

    /** Names clients use for the same types. */
    private static final Map<String, String> ALIASES = Map.of("image/jpg", JPEG, "image/pjpeg", JPEG, "image/heif", HEIC,
            "image/heic-sequence", HEIC, "image/heif-sequence", HEIC);

    /** What a file name's extension claims. */
    private static final Map<String, String> EXTENSIONS = Map.ofEntries(Map.entry("jpg", JPEG), Map.entry("jpeg", JPEG),
            Map.entry("png", PNG), Map.entry("webp", WEBP), Map.entry("heic", HEIC), Map.entry("heif", HEIC),
            Map.entry("pdf", PDF), Map.entry("mp4", MP4), Map.entry("m4v", MP4), Map.entry("exe", "application/x-msdownload"),
            Map.entry("txt", "text/plain"), Map.entry("html", "text/html"), Map.entry("zip", "application/zip"));

    private MediaTypes() {
    }

    /** The type of content starting with {@code head} ({@code n} valid bytes), if it is one evidence may have. */
    public static Optional<String> sniff(byte[] head, int n) {
        if (n >= 3 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xD8 && (head[2] & 0xff) == 0xFF) {
            return Optional.of(JPEG);
        }
        if (n >= 8 && (head[0] & 0xff) == 0x89 && ascii(head, 1, 3).equals("PNG") && head[4] == 0x0D && head[5] == 0x0A
                && head[6] == 0x1A && head[7] == 0x0A) {
            return Optional.of(PNG);
        }
        if (n >= 12 && ascii(head, 0, 4).equals("RIFF") && ascii(head, 8, 4).equals("WEBP")) {
            return Optional.of(WEBP);
        }
        if (n >= 5 && ascii(head, 0, 5).equals("%PDF-")) {
            return Optional.of(PDF);
        }
        if (n >= 12 && ascii(head, 4, 4).equals("ftyp")) {
            String brand = ascii(head, 8, 4);
            if (HEIF_BRANDS.contains(brand)) {
                return Optional.of(HEIC);
            }
            if (MP4_BRANDS.contains(brand)) {
                return Optional.of(MP4);
            }
        }
        return Optional.empty();
    }

    /** The declared type in canonical form ({@code image/jpg} is {@code image/jpeg}); empty when it says nothing. */
    public static Optional<String> declared(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return Optional.empty();
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (type.isEmpty() || type.equals("application/octet-stream") || type.equals("*/*")) {
            return Optional.empty();
        }
        return Optional.of(ALIASES.getOrDefault(type, type));
    }

    /** What the file name's extension claims, when it names a type we know. */
    public static Optional<String> ofFileName(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : Optional.ofNullable(EXTENSIONS.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }

    public static String extensionOf(String mediaType) {
        return switch (mediaType) {
            case JPEG -> "jpg";
            case PNG -> "png";
            case WEBP -> "webp";
            case HEIC -> "heic";
            case PDF -> "pdf";
            case MP4 -> "mp4";
            default -> "bin";
        };
    }

    public static boolean isImage(String mediaType) {
        return mediaType.startsWith("image/");
    }

    private static String ascii(byte[] b, int from, int len) {
        return new String(b, from, len, StandardCharsets.ISO_8859_1);
    }
}
