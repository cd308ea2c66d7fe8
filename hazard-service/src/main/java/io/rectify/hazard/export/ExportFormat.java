package io.rectify.hazard.export;

import jakarta.ws.rs.core.MediaType;

/** The formats of the hazard register export. */
public enum ExportFormat {
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    /** RFC 4180 with a UTF-8 byte-order mark, so Excel opens Chinese text correctly. */
    CSV("text/csv;charset=UTF-8", "csv");

    public final MediaType mediaType;
    public final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = MediaType.valueOf(mediaType);
        this.extension = extension;
    }
}
