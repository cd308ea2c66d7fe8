package io.rectify.platform.testing;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Real files of every media type evidence may have, made in the test: a JPEG drawn with ImageIO carrying
 * an EXIF APP1 segment (DateTimeOriginal and GPS position) written here byte by byte, a PNG, and the
 * leading boxes of WebP, HEIC, PDF and MP4 files. Each call makes different bytes unless told otherwise.
 */
public final class SamplePhotos {

    private SamplePhotos() {
    }

    /** A JPEG photo taken at {@code taken} (camera local time) at the given position; {@code null}s leave the tags out. */
    public static byte[] jpeg(LocalDateTime taken, Double latitude, Double longitude) {
        byte[] plain = drawn("jpg");
        byte[] app1 = exifApp1(taken, latitude, longitude);
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length + app1.length);
        out.write(plain, 0, 2); // SOI
        out.write(app1, 0, app1.length);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    public static byte[] jpeg() {
        return jpeg(null, null, null);
    }

    public static byte[] png() {
        return drawn("png");
    }

    public static byte[] webp() {
        return withTail(riff());
    }

    public static byte[] heic() {
        return withTail(ftyp("heic", "mif1heic"));
    }

    public static byte[] mp4() {
        return withTail(ftyp("isom", "isomiso2avc1mp41"));
    }

    public static byte[] pdf() {
        String body = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
                + "% test record " + ThreadLocalRandom.current().nextLong() + "\ntrailer << /Root 1 0 R >>\n%%EOF\n";
        return body.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A Windows executable's first bytes ("MZ"): what must be refused whatever it is called. */
    public static byte[] executable() {
        byte[] b = new byte[512];
        b[0] = 'M';
        b[1] = 'Z';
        ThreadLocalRandom.current().nextBytes(java.util.Arrays.copyOfRange(b, 2, 64));
        return b;
    }

    private static byte[] drawn(String format) {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        ThreadLocalRandom r = ThreadLocalRandom.current();
        g.setColor(new Color(r.nextInt(0xFFFFFF)));
        g.fillRect(0, 0, 64, 48);
        g.setColor(new Color(r.nextInt(0xFFFFFF)));
        g.fillOval(r.nextInt(32), r.nextInt(24), 24, 18);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] riff() {
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(1024).put("WEBPVP8 ".getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }

    private static byte[] ftyp(String major, String compatible) {
        byte[] brands = compatible.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(16 + brands.length);
        b.putInt(16 + brands.length).put("ftyp".getBytes(StandardCharsets.US_ASCII)).put(major.getBytes(StandardCharsets.US_ASCII)).putInt(0).put(brands);
        return b.array();
    }

    private static byte[] withTail(byte[] head) {
        byte[] tail = new byte[2048];
        ThreadLocalRandom.current().nextBytes(tail);
        byte[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    /**
     * APP1 "Exif": a little-endian TIFF with IFD0 pointing at an Exif sub-IFD (DateTimeOriginal) and a GPS
     * IFD (latitude and longitude as degrees/minutes/seconds rationals).
     */
    static byte[] exifApp1(LocalDateTime taken, Double latitude, Double longitude) {
        ByteBuffer t = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
        t.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        boolean gps = latitude != null && longitude != null;
        int ifd0Entries = 1 + (gps ? 1 : 0);
        int ifd0Size = 2 + 12 * ifd0Entries + 4;
        int exifIfd = 8 + ifd0Size;
        int exifIfdSize = 2 + 12 + 4;
        int dateValue = exifIfd + exifIfdSize;
        int gpsIfd = dateValue + 20;
        int gpsIfdSize = 2 + 12 * 4 + 4;
        int latValue = gpsIfd + gpsIfdSize;
        int lonValue = latValue + 24;
        // IFD0
        t.putShort((short) ifd0Entries);
        entry(t, 0x8769, 4, 1, exifIfd);
        if (gps) {
            entry(t, 0x8825, 4, 1, gpsIfd);
        }
        t.putInt(0);
        // Exif sub-IFD: DateTimeOriginal
        t.putShort((short) 1);
        entry(t, 0x9003, 2, 20, dateValue);
        t.putInt(0);
        String date = taken == null ? "    :  :     :  :  " : taken.format(DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss"));
        t.put(date.getBytes(StandardCharsets.US_ASCII)).put((byte) 0);
        if (gps) {
            t.putShort((short) 4);
            entry(t, 0x0001, 2, 2, (latitude >= 0 ? 'N' : 'S'));
            entry(t, 0x0002, 5, 3, latValue);
            entry(t, 0x0003, 2, 2, (longitude >= 0 ? 'E' : 'W'));
            entry(t, 0x0004, 5, 3, lonValue);
            t.putInt(0);
            dms(t, Math.abs(latitude));
            dms(t, Math.abs(longitude));
        }
        byte[] tiff = java.util.Arrays.copyOf(t.array(), t.position());
        ByteBuffer seg = ByteBuffer.allocate(4 + 6 + tiff.length).order(ByteOrder.BIG_ENDIAN);
        seg.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (2 + 6 + tiff.length));
        seg.put("Exif".getBytes(StandardCharsets.US_ASCII)).put((byte) 0).put((byte) 0).put(tiff);
        return seg.array();
    }

    private static void entry(ByteBuffer t, int tag, int type, int count, int valueOrOffset) {
        t.putShort((short) tag).putShort((short) type).putInt(count).putInt(valueOrOffset);
    }

    private static void dms(ByteBuffer t, double degrees) {
        int d = (int) degrees;
        double minutesFull = (degrees - d) * 60;
        int m = (int) minutesFull;
        long s100 = Math.round((minutesFull - m) * 60 * 100);
        t.putInt(d).putInt(1).putInt(m).putInt(1).putInt((int) s100).putInt(100);
    }
}
