package io.rectify.scenarios.demo;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/**
 * Small real photos for the demo: a 320×240 JPEG of a pipe rack with a valve (red before the repair,
 * green after), drawn with shapes only (no fonts needed on a bare machine), carrying an EXIF APP1 segment
 * with the capture time and the GPS position of the plant, as a phone camera writes them.
 */
final class DemoPhotos {

    private DemoPhotos() {
    }

    /** A photo of the installation, {@code repaired} or not, taken at {@code taken} (camera local time) at the plant's position. */
    static byte[] installation(long seed, boolean repaired, LocalDateTime taken, double latitude, double longitude) {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        Random r = new Random(seed);
        g.setColor(new Color(150 + r.nextInt(60), 170 + r.nextInt(50), 190 + r.nextInt(40)));
        g.fillRect(0, 0, 320, 240);
        g.setColor(new Color(90, 90, 95));
        g.fillRect(0, 170, 320, 70);
        g.setStroke(new BasicStroke(14));
        g.setColor(new Color(170, 170, 160));
        int y = 90 + r.nextInt(40);
        g.drawLine(0, y, 320, y);
        g.setStroke(new BasicStroke(4));
        g.setColor(new Color(60, 60, 60));
        for (int x = 20 + r.nextInt(20); x < 320; x += 70) {
            g.drawLine(x, y, x, 170);
        }
        int vx = 120 + r.nextInt(80);
        g.setColor(repaired ? new Color(40, 150, 60) : new Color(200, 40, 30));
        g.fillPolygon(new int[]{vx - 22, vx + 22, vx - 22, vx + 22}, new int[]{y - 16, y + 16, y + 16, y - 16}, 4);
        g.fillOval(vx - 8, y - 40, 16, 16);
        if (!repaired) {
            g.setColor(new Color(120, 80, 40, 180)); // a leak stain under the valve
            g.fillOval(vx - 30, 175, 60, 18);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] plain = out.toByteArray();
        byte[] app1 = exif(taken, latitude, longitude);
        ByteArrayOutputStream photo = new ByteArrayOutputStream(plain.length + app1.length);
        photo.write(plain, 0, 2); // SOI, then APP1 where cameras put it
        photo.write(app1, 0, app1.length);
        photo.write(plain, 2, plain.length - 2);
        return photo.toByteArray();
    }

    /** A one-page PDF record (a test report, a DCS trend export): enough to be recognised as a PDF. */
    static byte[] document(String title) {
        String ascii = title.replaceAll("[^\\x20-\\x7e]", "?").replace("(", "[").replace(")", "]");
        String stream = "BT /F1 12 Tf 72 720 Td (" + ascii + ") Tj ET";
        String pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                + "/Resources << /Font << /F1 5 0 R >> >> >> endobj\n"
                + "4 0 obj << /Length " + stream.length() + " >> stream\n" + stream + "\nendstream endobj\n"
                + "5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n"
                + "trailer << /Root 1 0 R >>\n%%EOF\n";
        return pdf.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** An executable's first bytes ("MZ") — what a disguised upload named photo.jpg really is. */
    static byte[] executable() {
        byte[] b = new byte[1024];
        b[0] = 'M';
        b[1] = 'Z';
        new Random(7).nextBytes(java.util.Arrays.copyOfRange(b, 2, 60));
        return b;
    }

    /** APP1 "Exif": little-endian TIFF; IFD0 → Exif IFD (DateTimeOriginal) and GPS IFD (latitude, longitude). */
    private static byte[] exif(LocalDateTime taken, double latitude, double longitude) {
        ByteBuffer t = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
        t.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        int exifIfd = 8 + 2 + 2 * 12 + 4;
        int date = exifIfd + 2 + 12 + 4;
        int gpsIfd = date + 20;
        int lat = gpsIfd + 2 + 4 * 12 + 4;
        int lon = lat + 24;
        t.putShort((short) 2);
        entry(t, 0x8769, 4, 1, exifIfd);
        entry(t, 0x8825, 4, 1, gpsIfd);
        t.putInt(0);
        t.putShort((short) 1);
        entry(t, 0x9003, 2, 20, date);
        t.putInt(0);
        t.put(taken.format(DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss")).getBytes(StandardCharsets.US_ASCII)).put((byte) 0);
        t.putShort((short) 4);
        entry(t, 1, 2, 2, latitude >= 0 ? 'N' : 'S');
        entry(t, 2, 5, 3, lat);
        entry(t, 3, 2, 2, longitude >= 0 ? 'E' : 'W');
        entry(t, 4, 5, 3, lon);
        t.putInt(0);
        degrees(t, Math.abs(latitude));
        degrees(t, Math.abs(longitude));
        byte[] tiff = java.util.Arrays.copyOf(t.array(), t.position());
        ByteBuffer seg = ByteBuffer.allocate(10 + tiff.length);
        seg.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (8 + tiff.length)).put("Exif\0\0".getBytes(StandardCharsets.US_ASCII)).put(tiff);
        return seg.array();
    }

    private static void entry(ByteBuffer t, int tag, int type, int count, int value) {
        t.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }

    private static void degrees(ByteBuffer t, double value) {
        int d = (int) value;
        double m = (value - d) * 60;
        t.putInt(d).putInt(1).putInt((int) m).putInt(1).putInt((int) Math.round((m - (int) m) * 6000)).putInt(100);
    }
}
