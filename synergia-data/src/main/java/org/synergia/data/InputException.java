package org.synergia.data;

import java.text.ChoiceFormat;
import java.text.FieldPosition;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * A problem with what the user gave Synergia: a file, a variable, a row, a specification or an
 * option. The message is meant to be shown as it is, on one line: it names the thing at fault
 * and says what to do about it.
 *
 * <p>A library refusal carries a typed {@link Reason} and its parameters instead of finished text:
 * {@link #getMessage()} is its English text with options spelt for the command line, and
 * {@link #message(Locale, OptionStyle)} the text a front end shows in its user's language, with
 * the options spelt as that user writes them.
 */
public class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Reason reason;
    private final transient Object[] args;
    private final String context;

    /** @param message what is wrong, where, and the fix */
    public InputException(String message) {
        this(message, (Throwable) null);
    }

    /**
     * @param message what is wrong, where, and the fix
     * @param cause the low-level failure behind it
     */
    public InputException(String message, Throwable cause) {
        super(message, cause);
        this.reason = null;
        this.args = new Object[0];
        this.context = "";
    }

    /**
     * @param reason why the input is refused
     * @param args the parameters of its text, in order ({@link OptionName} for an option; numbers as
     *     they should read, integers unformatted)
     */
    public InputException(Reason reason, Object... args) {
        this("", reason, args.clone(), null);
    }

    private InputException(String context, Reason reason, Object[] args, Throwable cause) {
        super(context + render(reason, args, Locale.ENGLISH, OptionStyle.COMMAND_LINE), cause);
        this.reason = reason;
        this.args = args;
        this.context = context;
    }

    /**
     * The same refusal with where it happened put in front, e.g. {@code "mali.yaml: plan[0]: "}.
     *
     * @param where the place, ending with its separator
     * @return the refusal with that context; its reason and parameters kept
     */
    public InputException in(String where) {
        return reason == null ? new InputException(where + getMessage(), this)
                : new InputException(where + context, reason, args, this);
    }

    /** @return the typed reason, or empty for a refusal given as text */
    public Optional<Reason> reason() {
        return Optional.ofNullable(reason);
    }

    /** @return the parameters of the reason's text */
    public List<Object> args() {
        return List.of(args);
    }

    /**
     * @param locale the language of the text (English, Spanish or French; others get English)
     * @param style how options are spelt
     * @return the message in that language, options spelt in that style; a refusal given as text is
     *     returned as it is
     */
    public String message(Locale locale, OptionStyle style) {
        return reason == null ? getMessage() : context + render(reason, args, locale, style);
    }

    private static String render(Reason reason, Object[] args, Locale locale, OptionStyle style) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(reason.bundle(), locale, reason.getClass().getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(reason.name());
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no text for " + reason.name() + " in " + reason.bundle(), e);
        }
        return format(pattern, args, locale, style);
    }

    /**
     * Fills a pattern: options spelt in the style, integers without grouping, doubles as
     * {@link NumericColumn#formatNumber}. A {@code choice} whose chosen text holds parameters
     * (e.g. {@code {0,choice,0#|1# and {1} more rows}}) is filled by the same rules.
     */
    private static String format(String pattern, Object[] args, Locale locale, OptionStyle style) {
        MessageFormat format = new MessageFormat(pattern, locale);
        Object[] values = Arrays.copyOf(args, args.length);
        NumberFormat plain = NumberFormat.getIntegerInstance(Locale.ROOT);
        plain.setGroupingUsed(false);
        Format[] formats = format.getFormatsByArgumentIndex();
        for (int i = 0; i < values.length; i++) {
            boolean formatted = i < formats.length && formats[i] != null;
            if (values[i] instanceof OptionName o) {
                values[i] = style.spell(o.name());
            } else if ((values[i] instanceof Integer || values[i] instanceof Long) && !formatted && i < formats.length) {
                format.setFormatByArgumentIndex(i, plain);
            } else if (values[i] instanceof Double d && !formatted) {
                values[i] = NumericColumn.formatNumber(d);
            }
        }
        Format[] occurrences = format.getFormats();
        for (int k = 0; k < occurrences.length; k++) {
            if (occurrences[k] instanceof ChoiceFormat choice) {
                format.setFormat(k, new NestedChoice(choice, args, locale, style));
            }
        }
        return format.format(values);
    }

    /** A choice whose chosen text, when it holds parameters, is filled by {@link #format}, not by MessageFormat's defaults. */
    private static final class NestedChoice extends Format {
        private static final long serialVersionUID = 1L;
        private final ChoiceFormat choice;
        private final transient Object[] args;
        private final Locale locale;
        private final transient OptionStyle style;

        NestedChoice(ChoiceFormat choice, Object[] args, Locale locale, OptionStyle style) {
            this.choice = choice;
            this.args = args;
            this.locale = locale;
            this.style = style;
        }

        @Override
        public StringBuffer format(Object value, StringBuffer to, FieldPosition position) {
            String text = choice.format(value);
            return to.append(text.indexOf('{') >= 0 ? InputException.format(text, args, locale, style) : text);
        }

        @Override
        public Object parseObject(String source, ParsePosition position) {
            throw new UnsupportedOperationException("messages are not parsed");
        }
    }
}
