package org.synergia.report.pdf;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
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
    private static final String[] FONT_FILES = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"};

    /** The fonts as files, for the SVG renderer (Batik loads fonts from files); extracted once per process. */
    private static volatile Path[] fontFiles;

    static {
        // openhtmltopdf logs every step at INFO to stderr; a user's terminal should show Synergia's progress only
        XRLog.setLoggingEnabled(false);
    }

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
            builder.withHtmlContent(withFontFaces(html), file.toUri().toString());
            builder.useSVGDrawer(new BatikSVGDrawer());
            builder.toStream(out);
            builder.run();
        }
    }

    /**
     * Declares the bundled fonts with {@code @font-face}, which openhtmltopdf embeds (subset) in
     * the PDF and hands to the SVG renderer, so that charts use the same embedded font as text.
     */
    private static String withFontFaces(String html) throws IOException {
        Path[] files = fontFiles();
        String faces = "<style>@font-face { font-family: '" + FONT_FAMILY + "'; src: url('" + files[0].toUri()
                + "'); font-weight: normal; -fs-font-subset: subset; }"
                + " @font-face { font-family: '" + FONT_FAMILY + "'; src: url('" + files[1].toUri()
                + "'); font-weight: bold; -fs-font-subset: subset; }</style>";
        int head = html.indexOf("</head>");
        return head < 0 ? html : html.substring(0, head) + faces + html.substring(head);
    }

    private static Path[] fontFiles() throws IOException {
        Path[] files = fontFiles;
        if (files == null) {
            synchronized (PdfRenderer.class) {
                if (fontFiles == null) {
                    Path dir = Files.createTempDirectory("synergia-fonts");
                    Path[] extracted = new Path[FONT_FILES.length];
                    for (int i = 0; i < FONT_FILES.length; i++) {
                        extracted[i] = dir.resolve(FONT_FILES[i]);
                        try (InputStream in = font(FONT_FILES[i])) {
                            Files.copy(in, extracted[i]);
                        }
                        extracted[i].toFile().deleteOnExit();
                    }
                    dir.toFile().deleteOnExit();
                    fontFiles = extracted;
                }
                files = fontFiles;
            }
        }
        return files;
    }

    private static InputStream font(String name) {
        InputStream in = PdfRenderer.class.getResourceAsStream("/org/synergia/report/fonts/" + name);
        if (in == null) {
            throw new IllegalStateException("the font " + name + " is missing from Synergia's resources");
        }
        return in;
    }
}
