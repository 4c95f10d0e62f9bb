package org.synergia.cases.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.synergia.data.InputException;

/**
 * A node of a parsed YAML case specification that remembers where it is (file and key path), so
 * that every validation error names the file, the key and the fix.
 */
final class SpecNode {
    private final String file;
    private final String path;
    private final Object value;

    SpecNode(String file, String path, Object value) {
        this.file = file;
        this.path = path;
        this.value = value;
    }

    /** @return the key path of this node, for messages */
    String path() {
        return path.isEmpty() ? "(top level)" : path;
    }

    /** @return an error naming this node's file and key */
    InputException error(String problemAndFix) {
        return new InputException(file + ": " + path() + ": " + problemAndFix);
    }

    /** @return whether the node is a mapping (rather than a value or a list) */
    boolean isMapping() {
        return value instanceof Map;
    }

    boolean has(String key) {
        return map().get(key) != null;
    }

    SpecNode child(String key) {
        Object v = map().get(key);
        if (v == null) {
            throw new InputException(file + ": " + childPath(key) + ": required key is missing; add it (see docs/case-spec.md)");
        }
        return new SpecNode(file, childPath(key), v);
    }

    SpecNode optChild(String key) {
        Object v = map().get(key);
        return v == null ? null : new SpecNode(file, childPath(key), v);
    }

    /** Reads an optional key with {@code read}, or gives {@code fallback} when the key is absent. */
    private <T> T opt(String key, Function<SpecNode, T> read, T fallback) {
        SpecNode n = optChild(key);
        return n == null ? fallback : read.apply(n);
    }

    String string(String key) {
        return child(key).asString();
    }

    String optString(String key, String fallback) {
        return opt(key, SpecNode::asString, fallback);
    }

    String asString() {
        if (value instanceof Map || value instanceof List) {
            throw error("expected a single value, found " + (value instanceof Map ? "a mapping" : "a list"));
        }
        return String.valueOf(value);
    }

    int integer(String key) {
        return child(key).asInt();
    }

    int optInteger(String key, int fallback) {
        return opt(key, SpecNode::asInt, fallback);
    }

    int asInt() {
        if (value instanceof Integer i) {
            return i;
        }
        if (value instanceof Long l && l == l.intValue()) {
            return l.intValue();
        }
        throw error("expected a whole number, found '" + value + "'");
    }

    double number(String key) {
        return child(key).asDouble();
    }

    double optNumber(String key, double fallback) {
        return opt(key, SpecNode::asDouble, fallback);
    }

    double asDouble() {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw error("expected a number, found '" + value + "'");
    }

    boolean optBoolean(String key, boolean fallback) {
        SpecNode n = optChild(key);
        if (n == null) {
            return fallback;
        }
        if (n.value instanceof Boolean b) {
            return b;
        }
        throw n.error("expected true or false, found '" + n.value + "'");
    }

    /** Reads an enum constant written in kebab or lower case ({@code dr-improved} for {@code DR_IMPROVED}). */
    <E extends Enum<E>> E enumValue(String key, Class<E> type) {
        return child(key).asEnum(type);
    }

    <E extends Enum<E>> E optEnum(String key, Class<E> type, E fallback) {
        return opt(key, n -> n.asEnum(type), fallback);
    }

    <E extends Enum<E>> E asEnum(Class<E> type) {
        String raw = asString();
        String constant = raw.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(constant)) {
                return e;
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            allowed.add(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        throw error("unknown value '" + raw + "'; use one of " + String.join(", ", allowed));
    }

    List<SpecNode> list(String key) {
        return child(key).asList();
    }

    List<SpecNode> optList(String key) {
        return opt(key, SpecNode::asList, List.of());
    }

    List<SpecNode> asList() {
        if (!(value instanceof List<?> items)) {
            throw error("expected a list (lines starting with '- ')");
        }
        List<SpecNode> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            out.add(new SpecNode(file, path + "[" + i + "]", items.get(i)));
        }
        return out;
    }

    List<String> optStrings(String key) {
        return optList(key).stream().map(SpecNode::asString).toList();
    }

    /** Reads a mapping of names to numbers, in file order. */
    Map<String, Double> numbers(String key) {
        SpecNode n = optChild(key);
        if (n == null) {
            return Map.of();
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (String k : n.keys()) {
            out.put(k, n.child(k).asDouble());
        }
        return Collections.unmodifiableMap(out);
    }

    /** Reads a text given in English, Spanish and French ({@code {en: ..., es: ..., fr: ...}}). */
    Text text(String key) {
        return child(key).asText();
    }

    Text optText(String key) {
        return opt(key, SpecNode::asText, Text.EMPTY);
    }

    Text asText() {
        if (!(value instanceof Map)) {
            throw error("expected a text in three languages, {en: ..., es: ..., fr: ...}");
        }
        return new Text(string("en"), string("es"), string("fr"));
    }

    /**
     * Reads a name or unit given either in three languages ({@code {en: ..., es: ..., fr: ...}}) or as
     * one plain value, which then reads the same in every language.
     */
    Text nameText(String key) {
        return child(key).asNameText();
    }

    Text optNameText(String key) {
        return opt(key, SpecNode::asNameText, Text.EMPTY);
    }

    Text asNameText() {
        return value instanceof Map ? asText() : Text.same(asString());
    }

    List<Text> optTexts(String key) {
        return optList(key).stream().map(SpecNode::asText).toList();
    }

    Set<String> keys() {
        return map().keySet();
    }

    /** Fails on keys this node does not know, so that typos are caught rather than ignored. */
    void allowOnly(String... known) {
        Set<String> allowed = Set.of(known);
        for (String k : keys()) {
            if (!allowed.contains(k)) {
                throw new InputException(file + ": " + childPath(k) + ": unknown key; the keys allowed here are "
                        + String.join(", ", known));
            }
        }
    }

    <T> List<T> mapList(String key, Function<SpecNode, T> reader) {
        return list(key).stream().map(reader).toList();
    }

    <T> List<T> mapOptList(String key, Function<SpecNode, T> reader) {
        return optList(key).stream().map(reader).toList();
    }

    /** The node as a mapping with text keys (YAML reads keys such as group codes as numbers). */
    private Map<String, Object> map() {
        if (!(value instanceof Map<?, ?> raw)) {
            throw error("expected a mapping of keys to values");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        raw.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private String childPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
