package org.synergia.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Format;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/** Checks that an enum of {@link Reason}s has its texts in every language Synergia speaks. */
public final class ReasonTexts {

    /** The languages of the texts: English (the base bundle), Spanish, French. */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"), Locale.FRENCH);

    private ReasonTexts() {}

    /**
     * @param reasons an enum implementing {@link Reason}
     * @param <E> its type
     * @return what is wrong with its texts, one line each (a text missing in a language, a pattern
     *     that does not parse, a translation using other parameters than the English, a key no reason has); empty when complete
     */
    public static <E extends Enum<E> & Reason> List<String> problems(Class<E> reasons) {
        List<String> problems = new ArrayList<>();
        E[] all = reasons.getEnumConstants();
        if (all.length == 0) {
            return problems;
        }
        Set<String> names = new TreeSet<>();
        for (E r : all) {
            names.add(r.name());
        }
        String base = all[0].bundle();
        Properties english = texts(reasons, base, "");
        for (Locale locale : LANGUAGES) {
            String suffix = locale.equals(Locale.ENGLISH) ? "" : "_" + locale.getLanguage();
            Properties texts = texts(reasons, base, suffix);
            if (texts == null) {
                problems.add(base + suffix + ": no such file");
                continue;
            }
            for (String key : texts.stringPropertyNames()) {
                if (!names.contains(key)) {
                    problems.add(base + suffix + ": key " + key + " is no reason of " + reasons.getSimpleName());
                }
            }
            for (E r : all) {
                String text = texts.getProperty(r.name());
                if (text == null) {
                    problems.add(reasons.getSimpleName() + "." + r.name() + ": no " + locale + " text");
                    continue;
                }
                try {
                    Set<Integer> here = arguments(text);
                    Set<Integer> reference = english == null || english.getProperty(r.name()) == null ? here
                            : arguments(english.getProperty(r.name()));
                    if (!reference.equals(here)) {
                        problems.add(reasons.getSimpleName() + "." + r.name() + ": the " + locale + " text uses parameters "
                                + here + ", the English " + reference);
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(reasons.getSimpleName() + "." + r.name() + ": the " + locale + " pattern does not parse: "
                            + e.getMessage());
                }
            }
        }
        return problems;
    }

    /** A bundle's file of one language as it is (without the base file's texts), or null when absent. */
    private static Properties texts(Class<?> owner, String bundle, String suffix) {
        String path = bundle.replace('.', '/') + suffix + ".properties";
        try (InputStream in = owner.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
    }

    private static Set<Integer> arguments(String pattern) {
        MessageFormat f = new MessageFormat(pattern, Locale.ROOT);
        Format[] formats = f.getFormatsByArgumentIndex();
        Set<Integer> used = new TreeSet<>();
        // an argument index is used when it appears in the pattern: probe with distinct markers
        Object[] probe = new Object[formats.length];
        for (int i = 0; i < probe.length; i++) {
            probe[i] = formats[i] == null ? "\u0000" + i + "\u0000" : 1;
        }
        String text = f.format(probe);
        for (int i = 0; i < probe.length; i++) {
            if (formats[i] != null || text.contains("\u0000" + i + "\u0000")) {
                used.add(i);
            }
        }
        return used;
    }
}
