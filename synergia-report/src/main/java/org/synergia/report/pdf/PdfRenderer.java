package org.synergia.report.pdf;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Renders report HTML to PDF with openhtmltopdf: charts (inline SVG) drawn as vectors, DejaVu
 * Sans embedded so that Spanish and French text renders the same everywhere, A4 pages numbered.
 */
public final class PdfRenderer {

    private static final String FONT_FAMILY = "DejaVu Sans";

    private PdfRenderer() {}

    /**
     * @param html a report's HTML (well-formed XHTML, as the report writers produce)
     * @param file the PDF to write
     * @throws IOException when the file cannot be written
     */
    public static void render(String html, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html, file.toUri().toString());
            builder.useFont(() -> font("DejaVuSans.ttf"), FONT_FAMILY, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> font("DejaVuSans-Bold.ttf"), FONT_FAMILY, 700, FontStyle.NORMAL, true);
            builder.useSVGDrawer(new BatikSVGDrawer());
            builder.toStream(out);
            builder.run();
        }
    }

    private static InputStream font(String name) {
        InputStream in = PdfRenderer.class.getResourceAsStream("/org/synergia/report/fonts/" + name);
        if (in == null) {
            throw new IllegalStateException("the font " + name + " is missing from Synergia's resources");
        }
        return in;
    }
}
