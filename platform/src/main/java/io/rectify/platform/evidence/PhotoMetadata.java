package io.rectify.platform.evidence;

import com.drew.imaging.ImageMetadataReader;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.TimeZone;

/**
 * What a photo says about itself: when it was taken (EXIF DateTimeOriginal, read in the camera's zone
 * unless the file carries its offset) and where (GPS). Unreadable or absent metadata is simply absent:
 * a photo without EXIF is still evidence.
 */
public record PhotoMetadata(Instant capturedAt, Double latitude, Double longitude) {

    static final PhotoMetadata NONE = new PhotoMetadata(null, null, null);

    public static PhotoMetadata read(Path file, ZoneId cameraZone) {
        try (InputStream in = Files.newInputStream(file)) {
            Metadata metadata = ImageMetadataReader.readMetadata(in);
            Instant captured = null;
            TimeZone zone = TimeZone.getTimeZone(cameraZone);
            ExifSubIFDDirectory exif = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
            if (exif != null) {
                Date original = exif.getDateOriginal(zone);
                captured = original == null ? null : original.toInstant();
            }
            if (captured == null) {
                ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
                Date modified = ifd0 == null ? null : ifd0.getDate(ExifIFD0Directory.TAG_DATETIME, zone);
                captured = modified == null ? null : modified.toInstant();
            }
            Double lat = null;
            Double lon = null;
            GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
            GeoLocation where = gps == null ? null : gps.getGeoLocation();
            if (where != null && !where.isZero()) {
                lat = where.getLatitude();
                lon = where.getLongitude();
            }
            return new PhotoMetadata(captured, lat, lon);
        } catch (Exception | StackOverflowError e) {
            return NONE; // metadata is a help for reviewers, never a reason to refuse a photo
        }
    }
}
