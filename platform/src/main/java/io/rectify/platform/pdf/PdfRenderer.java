package io.rectify.platform.pdf;

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
 * table and heading styles every report shares are added here, and the text is set in one CJK font,
 * embedded (subset) so the document prints the same on any machine.
 *
 * <p>The font is a TrueType file (openhtmltopdf embeds TrueType outlines; OpenType/CFF fonts such as the
 * Noto CJK .otc/.ttc do not embed reliably): {@code rectify.pdf.font}, else the first of the
 * {@link #CANDIDATES} that exists. {@code deploy/local/rectify infra-up} and the container images
 * install Debian's {@code fonts-droid-fallback} (Apache License 2.0), which carries CJK and Latin.
 */
@ApplicationScoped
public class PdfRenderer {

    private static final Logger LOG = Logger.getLogger(PdfRenderer.class);

    public static final String MEDIA_TYPE = "application/pdf";

    /** The family name the shared stylesheet asks for. */
    public static final String FONT_FAMILY = "RectifyCJK";

    /** TrueType fonts with CJK glyphs, as the Debian packages install them, preferred first. */
    public static final List<String> CANDIDATES = List.of(
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
            "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf");

    private final String styles;
    private final Optional<String> configuredFont;
    private volatile File font;

    public PdfRenderer(@ConfigProperty(name = "rectify.pdf.font") Optional<String> configuredFont) {
        this.configuredFont = configuredFont;
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
            builder.useFont(font(), FONT_FAMILY);
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
