package io.rectify.platform.evidence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One upload of an evidence file: its content's digest, what it is, who sent it, what its EXIF says. */
@Entity
@Table(name = "evidence")
public class EvidenceFile {

    @Id
    public UUID id;

    @Column(nullable = false, columnDefinition = "bpchar")
    public String sha256;

    @Column(nullable = false)
    public long size;

    @Column(name = "media_type", nullable = false)
    public String mediaType;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "uploaded_by", nullable = false)
    public String uploadedBy;

    @Column(name = "uploader_role", nullable = false)
    public String uploaderRole;

    /** The enterprise an ENTERPRISE caller uploaded for: its colleagues may use the file too. */
    @Column(name = "uploader_credit_code")
    public String uploaderCreditCode;

    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;

    @Column(name = "captured_at")
    public Instant capturedAt;

    public Double latitude;

    public Double longitude;
}
