package org.synergia.cases.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synergia.data.InputException;

class MarkedSectionsTest {

    private static final String CMD = "synergia docs test";

    private static final String DOC = """
            # Title

            Hand-written prose.
            <!-- generated: a (old command) -->
            old a
            <!-- end generated: a -->
            More prose, kept.

              <!-- generated: b -->
            old b 1
            old b 2
              <!-- end generated: b -->
            Last line without a break""";

    private static Map<String, String> sections(String a, String b) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("b", b);
        s.put("a", a);
        return s;
    }

    @Test
    void replacesTheTextBetweenMarkersAndKeepsEverythingElse() {
        String out = MarkedSections.replace(DOC, "doc.md", CMD, sections("new a\n", "new b"));
        assertEquals("""
                # Title

                Hand-written prose.
                <!-- generated: a (synergia docs test) -->
                new a
                <!-- end generated: a -->
                More prose, kept.

                <!-- generated: b (synergia docs test) -->
                new b
                  <!-- end generated: b -->
                Last line without a break""", out);
        assertEquals(out, MarkedSections.replace(out, "doc.md", CMD, sections("new a\n", "new b")), "idempotent");
    }

    @Test
    void anEmptySectionLeavesTheMarkersAdjacent() {
        String out = MarkedSections.replace(DOC, "doc.md", CMD, sections("", "b\n"));
        assertTrue(out.contains("<!-- generated: a (synergia docs test) -->\n<!-- end generated: a -->\n"), out);
    }

    @Test
    void markerMarkupIsWhatBeginAndEndWrite() {
        assertEquals("<!-- generated: table (synergia docs diagnosis) -->", MarkedSections.begin("table", "synergia docs diagnosis"));
        assertEquals("<!-- end generated: table -->", MarkedSections.end("table"));
    }

    @Test
    void badMarkersAreOneLineNamingTheFileTheSectionAndTheFix() {
        assertRefused(DOC.replace("<!-- end generated: a -->\n", ""), "doc.md: line 8: the generated section 'b' begins inside"
                + " the section 'a'; add the line '<!-- end generated: a -->' before it");
        assertRefused(DOC.replace("  <!-- end generated: b -->\n", ""), "doc.md: the generated section 'b' has no end marker;"
                + " add the line '<!-- end generated: b -->' after its text");
        assertRefused(DOC.replace("<!-- generated: a (old command) -->\n", ""), "doc.md: line 5: '<!-- end generated: a -->'"
                + " without its begin marker; add the line '<!-- generated: a (synergia docs test) -->' where the section"
                + " starts, or remove this line");
        assertRefused(DOC.replace("generated: b", "generated: c"), "doc.md: line 9: unknown generated section 'c'"
                + " ('synergia docs test' writes b, a); correct the name or remove its markers");
        assertRefused(DOC + "\n<!-- generated: a -->\n<!-- end generated: a -->\n", "doc.md: line 14: the generated section 'a'"
                + " appears twice; keep one pair of its markers");
        assertRefused("# No markers\n", "doc.md: no generated section 'b' (2 of 2 missing); add the lines"
                + " '<!-- generated: b (synergia docs test) -->' and '<!-- end generated: b -->' where it belongs");
    }

    @Test
    void checkRefusesAsReplaceDoes() {
        MarkedSections.check(DOC, "doc.md", CMD, List.of("a", "b"));
        InputException e = assertThrows(InputException.class, () -> MarkedSections.check(DOC, "doc.md", CMD, List.of("a", "b", "z")));
        assertTrue(e.getMessage().startsWith("doc.md: no generated section 'z' (1 of 3 missing)"), e.getMessage());
    }

    private static void assertRefused(String text, String message) {
        InputException e = assertThrows(InputException.class, () -> MarkedSections.replace(text, "doc.md", CMD, sections("x", "y")));
        assertEquals(message, e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }
}
