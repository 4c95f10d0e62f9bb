package org.synergia.cases.docs;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A document of the repository whose figures are computed, not typed: its generated sections
 * ({@link MarkedSections}) come from a seeded run and the prose around them is written by hand.
 * The text of the sections is the same on every machine and thread count.
 */
public interface GeneratedDocument {

    /** @return the document's short name, the subcommand of {@code synergia docs} ({@code diagnosis}) */
    String name();

    /** @return the document's path relative to the repository root ({@code docs/diagnosis.md}) */
    Path defaultPath();

    /** @return the names of the generated sections, in the order of the document */
    List<String> sectionNames();

    /**
     * Runs what the document reports and renders its sections (this may take a while: see the
     * implementation).
     *
     * @return each section's name and Markdown text
     */
    Map<String, String> sections();

    /** @return the command that writes the document ({@code synergia docs diagnosis}) */
    default String command() {
        return "synergia docs " + name();
    }

    /**
     * Checks the document's markers, then computes the sections and puts them into the text.
     *
     * @param text the document as it is
     * @param source the document's name in messages (its path)
     * @return the document with freshly generated sections, the rest of the text unchanged
     * @throws org.synergia.data.InputException when a marker is missing, repeated or unknown
     */
    default String regenerate(String text, String source) {
        MarkedSections.check(text, source, command(), sectionNames());
        return MarkedSections.replace(text, source, command(), sections());
    }
}
