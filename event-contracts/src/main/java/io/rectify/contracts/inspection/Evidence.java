package io.rectify.contracts.inspection;

/** A piece of evidence: kind ({@code PHOTO}, {@code DOCUMENT}, {@code CONTROL_SYSTEM_DATA}, {@code DOCUMENT_COPY}), where it is, its SHA-256. */
public record Evidence(String kind, String uri, String sha256) {
}
