package org.synergia.cases.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synergia.data.InputException;

/**
 * The generated sections of a text document: the lines between a begin marker
 * {@code <!-- generated: NAME (COMMAND) -->} and an end marker {@code <!-- end generated: NAME -->},
 * each on a line of its own (HTML comments, invisible in rendered Markdown). {@link #replace}
 * rewrites the text between the markers and leaves every other line of the document as it is.
 */
public final class MarkedSections {

    private static final String BEGIN = "<!-- generated: ";
    private static final String END = "<!-- end generated: ";
    private static final String CLOSE = " -->";

    private MarkedSections() {}

    /**
     * @param name the section's name
     * @param command the command that writes it ({@code synergia docs diagnosis})
     * @return the begin marker line (without its line break)
     */
    public static String begin(String name, String command) {
        return BEGIN + name + " (" + command + ")" + CLOSE;
    }

    /**
     * @param name the section's name
     * @return the end marker line (without its line break)
     */
    public static String end(String name) {
        return END + name + CLOSE;
    }

    /**
     * Replaces the text of every named section. Each name must have exactly one pair of markers in
     * the document, and every marker of the document must name one of the sections; the begin
     * markers are rewritten with {@code command}. A section's text gets a final line break when it
     * has none.
     *
     * @param text the document
     * @param source the document's name in messages (its path)
     * @param command the command that writes the sections
     * @param sections each section's name and new text, in any order
     * @return the document with the new sections
     * @throws InputException naming the document, the section and the fix when a marker is missing,
     *         repeated, unknown or out of order
     */
    public static String replace(String text, String source, String command, Map<String, String> sections) {
        Map<String, int[]> found = locate(text, source, command, List.copyOf(sections.keySet()));
        List<String> lines = lines(text);
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < lines.size()) {
            String name = beginName(lines.get(i));
            if (name == null) {
                out.append(lines.get(i));
                i++;
                continue;
            }
            String body = sections.get(name);
            out.append(begin(name, command)).append('\n').append(body);
            if (!body.isEmpty() && !body.endsWith("\n")) {
                out.append('\n');
            }
            i = found.get(name)[1];
        }
        return out.toString();
    }

    /**
     * Checks that the document has the markers of exactly these sections, each once, begin before
     * end, and none other (cheap: call it before computing the sections).
     *
     * @param text the document
     * @param source the document's name in messages (its path)
     * @param command the command that writes the sections
     * @param names the sections' names
     * @throws InputException as {@link #replace} does
     */
    public static void check(String text, String source, String command, List<String> names) {
        locate(text, source, command, names);
    }

    /** @return for each name, the line indexes of its begin and end markers */
    private static Map<String, int[]> locate(String text, String source, String command, List<String> names) {
        List<String> lines = lines(text);
        Map<String, int[]> found = new LinkedHashMap<>();
        String open = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String b = beginName(line);
            String e = endName(line);
            if (b != null) {
                if (open != null) {
                    throw new InputException(source + ": line " + (i + 1) + ": the generated section '" + b
                            + "' begins inside the section '" + open + "'; add the line '" + end(open) + "' before it");
                }
                if (!names.contains(b)) {
                    throw new InputException(source + ": line " + (i + 1) + ": unknown generated section '" + b + "' ('"
                            + command + "' writes " + String.join(", ", names) + "); correct the name or remove its markers");
                }
                if (found.containsKey(b)) {
                    throw new InputException(source + ": line " + (i + 1) + ": the generated section '" + b
                            + "' appears twice; keep one pair of its markers");
                }
                found.put(b, new int[] {i, -1});
                open = b;
            } else if (e != null) {
                if (!e.equals(open)) {
                    throw new InputException(source + ": line " + (i + 1) + ": '" + end(e) + "' without its begin marker; add the line '"
                            + begin(e, command) + "' where the section starts, or remove this line");
                }
                found.get(e)[1] = i;
                open = null;
            }
        }
        if (open != null) {
            throw new InputException(source + ": the generated section '" + open + "' has no end marker; add the line '"
                    + end(open) + "' after its text");
        }
        List<String> missing = new ArrayList<>(names);
        missing.removeAll(found.keySet());
        if (!missing.isEmpty()) {
            String name = missing.get(0);
            throw new InputException(source + ": no generated section '" + name + "' (" + missing.size() + " of "
                    + names.size() + " missing); add the lines '" + begin(name, command) + "' and '" + end(name)
                    + "' where it belongs");
        }
        return found;
    }

    /** The text's lines, each with its line break (the last one may have none). */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int stop = nl < 0 ? text.length() : nl + 1;
            lines.add(text.substring(start, stop));
            start = stop;
        }
        return lines;
    }

    /** @return the section a begin marker line opens, or null */
    private static String beginName(String line) {
        String s = line.strip();
        if (!s.startsWith(BEGIN) || !s.endsWith(CLOSE)) {
            return null;
        }
        String inside = s.substring(BEGIN.length(), s.length() - CLOSE.length()).strip();
        int space = inside.indexOf(' ');
        return space < 0 ? inside : inside.substring(0, space);
    }

    /** @return the section an end marker line closes, or null */
    private static String endName(String line) {
        String s = line.strip();
        if (!s.startsWith(END) || !s.endsWith(CLOSE)) {
            return null;
        }
        return s.substring(END.length(), s.length() - CLOSE.length()).strip();
    }
}
