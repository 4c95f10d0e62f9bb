package org.synergia.cases.docs;

/** Wraps generated prose as the hand-written Markdown of the documents is wrapped: lines of at most 100 characters. */
final class Paragraphs {

    /** The longest line, as in the hand-written documents. */
    static final int WIDTH = 100;

    private Paragraphs() {}

    /**
     * @param text one paragraph, on one line
     * @return the paragraph broken at spaces into lines of at most {@link #WIDTH} characters (a longer word keeps its own
     *         line), with a final line break
     */
    static String wrap(String text) {
        StringBuilder out = new StringBuilder();
        int lineLength = 0;
        for (String word : text.strip().split(" +")) {
            if (lineLength > 0 && lineLength + 1 + word.length() > WIDTH) {
                out.append('\n');
                lineLength = 0;
            } else if (lineLength > 0) {
                out.append(' ');
                lineLength++;
            }
            out.append(word);
            lineLength += word.length();
        }
        return out.append('\n').toString();
    }
}
