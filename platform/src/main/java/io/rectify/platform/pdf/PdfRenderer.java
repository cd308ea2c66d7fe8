package io.rectify.platform.pdf;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The one place printable reports become PDF (scoring's county report, inspection's nightly debrief):
 * HTML, as a service's Qute template renders it for browsers too, parsed by jsoup as a browser would and
 * laid out by openhtmltopdf. The page,
 * table and heading styles every report shares are added here, and the text is set in two fonts,
 * both embedded (subset) so the document prints the same on any machine: DejaVu Sans for Latin text
 * (regular, bold, oblique) and, glyph by glyph where it has none, a CJK font for Chinese.
 *
 * <p>Both are TrueType files (openhtmltopdf embeds TrueType outlines; OpenType/CFF fonts such as the
 * Noto CJK .ttc do not embed): the CJK one is {@code rectify.pdf.font}, else the first of the
 * {@link #CANDIDATES} that exists; Latin comes from {@code rectify.pdf.latin-font-dir} (default Debian's
 * DejaVu folder). {@code deploy/local/rectify infra-up} and the container images install Debian's
 * {@code fonts-droid-fallback} (Apache License 2.0; CJK only, no Latin letters) and {@code fonts-dejavu-core}
 * (Bitstream Vera licence).
 */
@ApplicationScoped
public class PdfRenderer {

    private static final Logger LOG = Logger.getLogger(PdfRenderer.class);

    public static final String MEDIA_TYPE = "application/pdf";

    /** The family names the shared stylesheet asks for, Latin first. */
    public static final String FONT_FAMILY = "RectifyCJK";
    public static final String LATIN_FAMILY = "RectifyLatin";

    /** DejaVu Sans' faces by weight and style, as fonts-dejavu-core installs them. */
    private static final String[][] LATIN_FACES = {
            {"DejaVuSans.ttf", "400", "NORMAL"}, {"DejaVuSans-Bold.ttf", "700", "NORMAL"},
            {"DejaVuSans-Oblique.ttf", "400", "ITALIC"}, {"DejaVuSans-BoldOblique.ttf", "700", "ITALIC"}};

    /** TrueType fonts with CJK glyphs, as the Debian packages install them, preferred first. */
    public static final List<String> CANDIDATES = List.of(
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
            "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf");

    private final String styles;
    private final Optional<String> configuredFont;
    private volatile File font;

    private final File latinDir;

    public PdfRenderer(@ConfigProperty(name = "rectify.pdf.font") Optional<String> configuredFont,
                       @ConfigProperty(name = "rectify.pdf.latin-font-dir", defaultValue = "/usr/share/fonts/truetype/dejavu") String latinDir) {
        this.configuredFont = configuredFont;
        this.latinDir = new File(latinDir);
        this.styles = resource("report.css");
    }

    /** The font file used, or an IllegalStateException telling how to install one. */
    public File font() {
        File f = font;
        if (f == null) {
            f = configuredFont.map(File::new)
                    .or(() -> CANDIDATES.stream().map(File::new).filter(File::isFile).findFirst())
                    .orElseThrow(() -> new IllegalStateException("no CJK TrueType font for PDF reports: install fonts-droid-fallback "
                            + "(deploy/local/rectify infra-up does) or set rectify.pdf.font / RECTIFY_PDF_FONT"));
            if (!f.isFile()) {
                throw new IllegalStateException("rectify.pdf.font " + f + " does not exist");
            }
            LOG.infof("PDF reports use the font %s", f);
            font = f;
        }
        return f;
    }

    /** Renders {@code html} (a whole page) with the shared styles, as PDF bytes. */
    public byte[] render(String html, String title) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            for (String[] face : LATIN_FACES) {
                File f = new File(latinDir, face[0]);
                if (!f.isFile()) {
                    throw new IllegalStateException(f + " is missing: install fonts-dejavu-core (deploy/local/rectify infra-up does) "
                            + "or set rectify.pdf.latin-font-dir");
                }
                builder.useFont(f, LATIN_FAMILY, Integer.valueOf(face[1]), BaseRendererBuilder.FontStyle.valueOf(face[2]), true);
            }
            // the one CJK face for every weight and style: without them, bold or italic Chinese would fall back to
            // PDF's standard fonts, which are neither embedded nor able to show it
            for (int weight : new int[]{400, 700}) {
                for (BaseRendererBuilder.FontStyle style : BaseRendererBuilder.FontStyle.values()) {
                    builder.useFont(font(), FONT_FAMILY, weight, style, true);
                }
            }
            builder.withW3cDocument(withStyles(html), null);
            builder.withProducer("Rectify");
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("PDF rendering failed: " + title, e);
        }
        return out.toByteArray();
    }

    /** The page as a W3C DOM, the shared styles last in its head so they win over the template's own. */
    private org.w3c.dom.Document withStyles(String html) {
        Document page = Jsoup.parse(html);
        page.head().appendElement("style").appendChild(new DataNode(styles));
        return W3CDom.convert(page);
    }

    private static String resource(String name) {
        try (InputStream in = PdfRenderer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the platform jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
