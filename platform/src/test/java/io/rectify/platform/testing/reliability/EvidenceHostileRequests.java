package io.rectify.platform.testing.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Hand-made hostile requests for the evidence endpoints (issue 14), which the generated ones cannot
 * reach (their bodies are files, not JSON): broken and tricky multipart envelopes, disguised and empty
 * files, bad digests, bad ids and ranges. Every one must be refused (4xx problem+json) without a row
 * written; a shared helper so each service that serves evidence runs the same set.
 */
public final class EvidenceHostileRequests {

    private static final String PATH = "/api/v1/evidence";
    private static final byte[] JPEG_HEAD = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};
    private static final byte[] PNG_HEAD = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    private static final byte[] EXECUTABLE = "MZ\u0090\u0000\u0003\u0000\u0000\u0000This program cannot be run in DOS mode".getBytes(StandardCharsets.ISO_8859_1);

    private EvidenceHostileRequests() {
    }

    public static List<HostileRequest> all() {
        List<HostileRequest> out = new ArrayList<>();
        // --- multipart envelopes
        out.add(multipart("no boundary parameter", "multipart/form-data", "--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc\r\n--x--\r\n".getBytes(StandardCharsets.UTF_8)));
        out.add(multipart("truncated: no closing boundary", "multipart/form-data; boundary=b1", part("b1", "file", "p.jpg", "image/jpeg", JPEG_HEAD, false)));
        out.add(multipart("boundary of the body differs from the header's", "multipart/form-data; boundary=aaa", envelope("bbb", part("bbb", "file", "p.jpg", "image/jpeg", JPEG_HEAD, false))));
        out.add(multipart("no file part, only a text field", "multipart/form-data; boundary=b2", envelope("b2", field("b2", "sha256", "0".repeat(64)))));
        out.add(multipart("two file parts", "multipart/form-data; boundary=b3", envelope("b3", concat(part("b3", "file", "a.jpg", "image/jpeg", JPEG_HEAD, false),
                part("b3", "file", "b.png", "image/png", PNG_HEAD, false)))));
        out.add(multipart("file part with an executable named photo.jpg", "multipart/form-data; boundary=b4", envelope("b4", part("b4", "file", "photo.jpg", "image/jpeg", EXECUTABLE, false))));
        out.add(multipart("empty file part", "multipart/form-data; boundary=b5", envelope("b5", part("b5", "file", "empty.jpg", "image/jpeg", new byte[0], false))));
        out.add(multipart("part without Content-Disposition", "multipart/form-data; boundary=b6",
                ("--b6\r\nContent-Type: image/jpeg\r\n\r\n" + new String(JPEG_HEAD, StandardCharsets.ISO_8859_1) + "\r\n--b6--\r\n").getBytes(StandardCharsets.ISO_8859_1)));
        out.add(multipart("path traversal and CRLF in the file name, executable content", "multipart/form-data; boundary=b7",
                envelope("b7", part("b7", "file", "../../etc/passwd\r\nX-Injected: 1.jpg", "image/jpeg", EXECUTABLE, false))));
        out.add(multipart("form field far over the attribute limit", "multipart/form-data; boundary=b8", envelope("b8", concat(field("b8", "sha256", "f".repeat(64 * 1024)),
                part("b8", "file", "p.png", "image/png", PNG_HEAD, false)))));
        out.add(multipart("a PNG part declared image/jpeg", "multipart/form-data; boundary=b9", envelope("b9", part("b9", "file", "p.jpg", "image/jpeg", PNG_HEAD, false))));
        out.add(multipart("malformed digest field", "multipart/form-data; boundary=ba", envelope("ba", concat(field("ba", "sha256", "not-a-digest"),
                part("ba", "file", "p.png", "image/png", PNG_HEAD, false)))));
        // --- raw bodies
        out.add(raw("empty body declared image/jpeg", "image/jpeg", new byte[0], null, null));
        out.add(raw("HTML with a script", "text/html", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), null, null));
        out.add(raw("executable declared image/jpeg named photo.jpg", "image/jpeg", EXECUTABLE, null, "attachment; filename=\"photo.jpg\""));
        out.add(raw("PNG declared image/jpeg", "image/jpeg", PNG_HEAD, null, null));
        out.add(raw("PNG named report.pdf", "application/octet-stream", PNG_HEAD, null, "attachment; filename=\"report.pdf\""));
        out.add(raw("malformed X-Content-SHA256", "image/png", PNG_HEAD, "zz'; drop table evidence; --", null));
        out.add(raw("X-Content-SHA256 of other bytes", "image/png", PNG_HEAD, "a".repeat(64), null));
        out.add(raw("JSON instead of a file", "application/json", "{\"kind\":\"PHOTO\"}".getBytes(StandardCharsets.UTF_8), null, null));
        out.add(raw("chunked executable", "image/jpeg", EXECUTABLE, null, null, true));
        // --- reads
        out.add(read("unknown id", PATH + "/" + UUID.randomUUID(), null));
        out.add(read("unknown id's metadata", PATH + "/" + UUID.randomUUID() + "/meta", null));
        out.add(read("not a UUID", PATH + "/..%2F..%2Fetc%2Fpasswd", null));
        out.add(read("garbage Range on an unknown id", PATH + "/" + UUID.randomUUID(), "bytes=-0,9999999999999999999999-"));
        return out;
    }

    private static HostileRequest multipart(String description, String contentType, byte[] body) {
        return HostileRequest.on(op("POST", PATH), "evidence-multipart", description).path(PATH).body(body, contentType).build();
    }

    private static HostileRequest raw(String description, String contentType, byte[] body, String sha256, String disposition) {
        return raw(description, contentType, body, sha256, disposition, false);
    }

    private static HostileRequest raw(String description, String contentType, byte[] body, String sha256, String disposition, boolean chunked) {
        HostileRequest.Builder b = HostileRequest.on(op("POST", PATH), "evidence-upload", description).path(PATH).body(body, contentType);
        if (sha256 != null) {
            b.header("X-Content-SHA256", sha256);
        }
        if (disposition != null) {
            b.header("Content-Disposition", disposition);
        }
        if (chunked) {
            b.chunked();
        }
        return b.build();
    }

    private static HostileRequest read(String description, String path, String range) {
        HostileRequest.Builder b = HostileRequest.on(op("GET", path), "evidence-read", description).path(path);
        if (range != null) {
            b.header("Range", range);
        }
        return b.build();
    }

    private static ApiOperation op(String method, String path) {
        return new ApiOperation(method, path, List.of(), null, null, false, Set.of("ADMIN"));
    }

    private static byte[] part(String boundary, String name, String fileName, String type, byte[] content, boolean last) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        out.writeBytes(head);
        out.writeBytes(content);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] field(String boundary, String name, String value) {
        return ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] envelope(String boundary, byte[] parts) {
        return concat(parts, ("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
