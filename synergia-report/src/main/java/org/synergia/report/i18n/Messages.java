package org.synergia.report.i18n;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words of reports and the portal in English, Spanish and French, from the bundles
 * {@code messages_<lang>.properties}. A missing key is a programming error and fails loudly.
 */
public final class Messages {

    /** The languages Synergia publishes in. */
    public static final List<String> LANGUAGES = List.of("en", "es", "fr");

    private final String language;
    private final ResourceBundle bundle;

    private Messages(String language) {
        this.language = language;
        this.bundle = ResourceBundle.getBundle("org.synergia.report.i18n.messages", Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /**
     * @param language {@code en}, {@code es} or {@code fr}
     * @return the messages in that language
     */
    public static Messages of(String language) {
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("no messages in '" + language + "'; the languages are " + LANGUAGES);
        }
        return new Messages(language);
    }

    /** @return the language code */
    public String language() {
        return language;
    }

    /**
     * @param key a message key
     * @param arguments values for {@code {0}}, {@code {1}}, ...
     * @return the message with the arguments in place
     */
    public String get(String key, Object... arguments) {
        String text;
        try {
            text = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("message '" + key + "' is missing in language " + language, e);
        }
        for (int i = 0; i < arguments.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(arguments[i]));
        }
        return text;
    }

    /**
     * @param key a message key
     * @return whether the language has that message
     */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /**
     * @param prefix a key prefix ({@code domain}, {@code sector}, ...)
     * @param value an enum constant or its kebab-case name
     * @return the message {@code prefix.value}
     */
    public String name(String prefix, Object value) {
        String v = value instanceof Enum<?> e ? e.name().toLowerCase(Locale.ROOT).replace('_', '-') : String.valueOf(value);
        return get(prefix + "." + v);
    }

    /** @return the locale for number formatting */
    public Locale locale() {
        return Locale.forLanguageTag(language);
    }
}
