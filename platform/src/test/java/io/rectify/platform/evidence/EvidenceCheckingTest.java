package io.rectify.platform.evidence;

import io.rectify.platform.testing.SamplePhotos;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pure checks of evidence files: media type from content, byte ranges, EXIF. */
class EvidenceCheckingTest {

    private static Optional<String> sniff(byte[] b) {
        return MediaTypes.sniff(b, Math.min(b.length, MediaTypes.HEAD));
    }

    @Test
    void mediaTypesAreRecognisedFromTheContentOnly() {
        assertThat(sniff(SamplePhotos.jpeg())).hasValue(MediaTypes.JPEG);
        assertThat(sniff(SamplePhotos.png())).hasValue(MediaTypes.PNG);
        assertThat(sniff(SamplePhotos.webp())).hasValue(MediaTypes.WEBP);
        assertThat(sniff(SamplePhotos.heic())).hasValue(MediaTypes.HEIC);
        assertThat(sniff(SamplePhotos.pdf())).hasValue(MediaTypes.PDF);
        assertThat(sniff(SamplePhotos.mp4())).hasValue(MediaTypes.MP4);
        assertThat(sniff(SamplePhotos.executable())).isEmpty();
        assertThat(sniff("<html>".getBytes())).isEmpty();
        assertThat(sniff(new byte[0])).isEmpty();
        assertThat(MediaTypes.declared("image/JPG; q=1")).hasValue(MediaTypes.JPEG);
        assertThat(MediaTypes.declared("application/octet-stream")).isEmpty();
        assertThat(MediaTypes.ofFileName("photo.JPG")).hasValue(MediaTypes.JPEG);
        assertThat(MediaTypes.ofFileName("setup.exe")).hasValue("application/x-msdownload");
        assertThat(MediaTypes.ofFileName("no-extension")).isEmpty();
    }

    @Test
    void byteRangesFollowRfc9110() {
        assertThat(ByteRange.parse("bytes=0-9", 100)).hasValue(new ByteRange(0, 10));
        assertThat(ByteRange.parse("bytes=90-", 100)).hasValue(new ByteRange(90, 10));
        assertThat(ByteRange.parse("bytes=-5", 100)).hasValue(new ByteRange(95, 5));
        assertThat(ByteRange.parse("bytes=-500", 100)).hasValue(new ByteRange(0, 100));
        assertThat(ByteRange.parse("bytes=50-5000", 100)).hasValue(new ByteRange(50, 50));
        assertThat(ByteRange.parse("bytes=0-1,5-6", 100)).isEmpty();
        assertThat(ByteRange.parse("items=0-1", 100)).isEmpty();
        assertThat(ByteRange.parse("bytes=9-1", 100)).isEmpty();
        assertThat(ByteRange.parse("bytes=x-y", 100)).isEmpty();
        assertThat(ByteRange.parse(null, 100)).isEmpty();
        assertThatThrownBy(() -> ByteRange.parse("bytes=100-", 100)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThatThrownBy(() -> ByteRange.parse("bytes=-0", 100)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(new ByteRange(10, 10).contentRange(100)).isEqualTo("bytes 10-19/100");
    }

    @Test
    void exifCaptureTimeIsReadInTheCamerasZoneAndGpsAsDegrees() throws Exception {
        Path file = Files.createTempFile("exif", ".jpg");
        try {
            Files.write(file, SamplePhotos.jpeg(LocalDateTime.of(2024, 4, 11, 14, 30, 5), 31.7789, -104.7415));
            PhotoMetadata m = PhotoMetadata.read(file, ZoneId.of("Asia/Shanghai"));
            assertThat(m.capturedAt()).isEqualTo(Instant.parse("2024-04-11T06:30:05Z"));
            assertThat(m.latitude()).isCloseTo(31.7789, org.assertj.core.data.Offset.offset(1e-4));
            assertThat(m.longitude()).isCloseTo(-104.7415, org.assertj.core.data.Offset.offset(1e-4));

            Files.write(file, SamplePhotos.png());
            assertThat(PhotoMetadata.read(file, ZoneId.of("Asia/Shanghai"))).isEqualTo(PhotoMetadata.NONE);
            Files.write(file, SamplePhotos.executable());
            assertThat(PhotoMetadata.read(file, ZoneId.of("Asia/Shanghai"))).isEqualTo(PhotoMetadata.NONE);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void fileNamesAreCutToTheirLastSegmentAndCleaned() {
        assertThat(EvidenceIntake.cleanName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(EvidenceIntake.cleanName("C:\\photos\\阀门.jpg")).isEqualTo("阀门.jpg");
        assertThat(EvidenceIntake.cleanName("a\r\nX-Injected: 1.jpg")).isEqualTo("aX-Injected: 1.jpg");
        assertThat(EvidenceIntake.cleanName("  ")).isNull();
        assertThat(EvidenceResource.fileNameOf("attachment; filename=\"photo.jpg\"")).isEqualTo("photo.jpg");
        assertThat(EvidenceResource.fileNameOf("inline")).isNull();
    }
}
