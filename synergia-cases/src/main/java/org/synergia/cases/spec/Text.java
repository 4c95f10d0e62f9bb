package org.synergia.cases.spec;

import java.util.Locale;

/**
 * A piece of text in the three languages Synergia publishes in.
 *
 * @param en English
 * @param es Spanish
 * @param fr French
 */
public record Text(String en, String es, String fr) {

    /** No text. */
    public static final Text EMPTY = new Text("", "", "");

    /**
     * @param text a text that reads the same in every language (a name, or a specification written in one language)
     * @return that text in all three languages
     */
    public static Text same(String text) {
        return new Text(text, text, text);
    }

    /**
     * @param language {@code en}, {@code es} or {@code fr}
     * @return the text in that language
     */
    public String in(String language) {
        return switch (language.toLowerCase(Locale.ROOT)) {
            case "es" -> es;
            case "fr" -> fr;
            default -> en;
        };
    }
}
