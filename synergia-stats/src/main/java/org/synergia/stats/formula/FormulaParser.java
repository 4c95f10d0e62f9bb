package org.synergia.stats.formula;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.synergia.data.InputException;

/** A recursive-descent parser for {@link Formula}. */
final class FormulaParser {

    private static final Set<String> FUNCTIONS = Set.of("log", "exp", "sqrt", "abs");

    private final String text;
    private final List<String> tokens = new ArrayList<>();
    private final List<Integer> positions = new ArrayList<>();
    private int at;
    /** Components by label, in order of first appearance. */
    private final Map<String, Component> components = new LinkedHashMap<>();
    private final Map<String, Integer> order = new LinkedHashMap<>();

    FormulaParser(String text) {
        this.text = text;
        tokenize();
    }

    /** The terms of a sub-formula (sets of component ids; the empty set is the intercept) and intercept changes. */
    private static final class Terms {
        final List<Set<Integer>> list = new ArrayList<>();
        Boolean intercept;
        boolean zero;

        void add(Set<Integer> t) {
            if (!list.contains(t)) {
                list.add(t);
            }
        }
    }

    Formula parse() {
        Expression response = null;
        int tilde = tokens.indexOf("~");
        if (tilde > 0) {
            response = factorResponse(tilde);
            if (response == null) {
                response = arithmetic();
            }
            expect("~");
        } else if (tilde == 0) {
            at = 1;
        }
        if (at >= tokens.size()) {
            throw error("the right-hand side is empty");
        }
        Terms rhs = sum();
        if (at < tokens.size()) {
            throw error("unexpected '" + tokens.get(at) + "'");
        }
        boolean intercept = rhs.intercept == null || rhs.intercept;
        List<Term> terms = new ArrayList<>();
        List<String> byId = new ArrayList<>(components.keySet());
        for (Set<Integer> t : rhs.list) {
            if (t.isEmpty()) {
                continue;
            }
            List<Component> cs = new ArrayList<>();
            for (int id : t) {
                cs.add(components.get(byId.get(id)));
            }
            terms.add(new Term(cs));
        }
        return new Formula(text, response, Formula.inModelOrder(terms), intercept);
    }

    private Terms sum() {
        Terms result = new Terms();
        boolean first = true;
        while (true) {
            char sign = '+';
            if (peek("+") || peek("-")) {
                sign = tokens.get(at++).charAt(0);
            } else if (!first) {
                break;
            }
            first = false;
            Terms part = product();
            if (sign == '+') {
                if (part.zero) {
                    result.intercept = false;
                }
                for (Set<Integer> t : part.list) {
                    if (t.isEmpty()) {
                        result.intercept = true;
                    }
                    result.add(t);
                }
            } else {
                if (part.zero) {
                    result.intercept = true;
                }
                for (Set<Integer> t : part.list) {
                    if (t.isEmpty()) {
                        result.intercept = false;
                    }
                    result.list.remove(t);
                }
            }
            if (!(peek("+") || peek("-"))) {
                break;
            }
        }
        return result;
    }

    private Terms product() {
        Terms left = interaction();
        while (peek("*")) {
            at++;
            Terms right = interaction();
            Terms both = new Terms();
            left.list.forEach(both::add);
            right.list.forEach(both::add);
            cross(left, right).list.forEach(both::add);
            left = both;
        }
        return left;
    }

    private Terms interaction() {
        Terms left = power();
        while (peek(":")) {
            at++;
            left = cross(left, power());
        }
        return left;
    }

    private Terms power() {
        Terms base = atom();
        if (peek("^")) {
            at++;
            String k = next();
            int times;
            try {
                times = Integer.parseInt(k);
            } catch (NumberFormatException e) {
                throw error("'^' outside I() needs a whole number of factors, not '" + k + "'");
            }
            Terms all = new Terms();
            base.list.forEach(all::add);
            Terms current = base;
            for (int i = 1; i < times; i++) {
                current = cross(current, base);
                current.list.forEach(all::add);
            }
            return all;
        }
        return base;
    }

    private static Terms cross(Terms a, Terms b) {
        Terms out = new Terms();
        for (Set<Integer> x : a.list) {
            for (Set<Integer> y : b.list) {
                Set<Integer> t = new TreeSet<>(x);
                t.addAll(y);
                out.add(t);
            }
        }
        return out;
    }

    private Terms atom() {
        String t = next();
        Terms out = new Terms();
        if (t.equals("(")) {
            Terms inner = sum();
            expect(")");
            return inner;
        }
        if (t.equals("1")) {
            out.add(new TreeSet<>());
            return out;
        }
        if (t.equals("0")) {
            out.zero = true;
            return out;
        }
        if (!isName(t)) {
            throw error("unexpected '" + t + "'", at - 1);
        }
        String name = unquote(t);
        Component c;
        if (peek("(")) {
            at++;
            if (t.equals("factor") || t.equals("as.factor")) {
                String v = next();
                if (!isName(v)) {
                    throw error("factor() needs a variable name", at - 1);
                }
                expect(")");
                c = new Component("factor(" + unquote(v) + ")", null, unquote(v));
            } else if (t.equals("I")) {
                Expression e = arithmetic();
                expect(")");
                c = new Component("I(" + e.label() + ")", new Expression.AsIs(e), null);
            } else if (FUNCTIONS.contains(t)) {
                Expression e = arithmetic();
                expect(")");
                Expression call = new Expression.Call(t, e);
                c = new Component(call.label(), call, null);
            } else {
                throw error("unknown function '" + t + "' (use factor(), I(), log(), exp(), sqrt() or abs())", at - 2);
            }
        } else {
            // numeric or text: decided against the data; labelled by name
            c = new Component(name, new Expression.Variable(name), null);
        }
        out.add(new TreeSet<>(Set.of(register(c))));
        return out;
    }

    private int register(Component c) {
        components.putIfAbsent(c.label(), c);
        return order.computeIfAbsent(c.label(), k -> order.size());
    }

    /**
     * A response written {@code factor(v)} or {@code as.factor(v)}: the variable itself, whose levels a text
     * variable's coding gives (numbers stay as they are); null for any other response.
     */
    private Expression factorResponse(int tilde) {
        if (tilde == 4 && (tokens.get(0).equals("factor") || tokens.get(0).equals("as.factor")) && tokens.get(1).equals("(")
                && tokens.get(3).equals(")")) {
            at = 4;
            return new Expression.Variable(unquote(tokens.get(2)));
        }
        return null;
    }

    private Expression arithmetic() {
        Expression left = multiplicative();
        while (peek("+") || peek("-")) {
            char op = tokens.get(at++).charAt(0);
            left = new Expression.Binary(op, left, multiplicative());
        }
        return left;
    }

    private Expression multiplicative() {
        Expression left = unary();
        while (peek("*") || peek("/")) {
            char op = tokens.get(at++).charAt(0);
            left = new Expression.Binary(op, left, unary());
        }
        return left;
    }

    private Expression unary() {
        if (peek("-")) {
            at++;
            return new Expression.Negation(unary());
        }
        if (peek("+")) {
            at++;
            return unary();
        }
        Expression base = primary();
        if (peek("^")) {
            at++;
            return new Expression.Binary('^', base, unary());
        }
        return base;
    }

    private Expression primary() {
        String t = next();
        if (t.equals("(")) {
            Expression inner = arithmetic();
            expect(")");
            return new Expression.Parenthesised(inner);
        }
        if (Character.isDigit(t.charAt(0)) || t.charAt(0) == '.' && t.length() > 1 && Character.isDigit(t.charAt(1))) {
            try {
                return new Expression.Number(Double.parseDouble(t));
            } catch (NumberFormatException e) {
                throw error("'" + t + "' is not a number", at - 1);
            }
        }
        if (!isName(t)) {
            throw error("unexpected '" + t + "'", at - 1);
        }
        if (peek("(")) {
            if (!FUNCTIONS.contains(t)) {
                throw error("unknown function '" + t + "' inside I() (use log, exp, sqrt or abs)", at - 1);
            }
            at++;
            Expression arg = arithmetic();
            expect(")");
            return new Expression.Call(t, arg);
        }
        return new Expression.Variable(unquote(t));
    }

    private void tokenize() {
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (c == '`') {
                int end = text.indexOf('`', i + 1);
                if (end < 0) {
                    throw new InputException("formula '" + text + "': unclosed ` at position " + (i + 1));
                }
                i = end + 1;
            } else if (Character.isLetter(c) || c == '.' && i + 1 < n && !Character.isDigit(text.charAt(i + 1))) {
                while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_' || text.charAt(i) == '.')) {
                    i++;
                }
            } else if (Character.isDigit(c) || c == '.') {
                while (i < n && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                    i++;
                }
                if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
                    i++;
                    if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                        i++;
                    }
                    while (i < n && Character.isDigit(text.charAt(i))) {
                        i++;
                    }
                }
            } else if ("~+-*/^:(),".indexOf(c) >= 0) {
                i++;
            } else {
                throw new InputException("formula '" + text + "': unexpected character '" + c + "' at position " + (i + 1));
            }
            tokens.add(text.substring(start, i));
            positions.add(start);
        }
        if (tokens.stream().filter("~"::equals).count() > 1) {
            throw new InputException("formula '" + text + "' has more than one '~'");
        }
    }

    private static boolean isName(String t) {
        char c = t.charAt(0);
        return Character.isLetter(c) || c == '.' || c == '`';
    }

    private static String unquote(String t) {
        return t.startsWith("`") ? t.substring(1, t.length() - 1) : t;
    }

    private boolean peek(String t) {
        return at < tokens.size() && tokens.get(at).equals(t);
    }

    private String next() {
        if (at >= tokens.size()) {
            throw error("it ends too early");
        }
        return tokens.get(at++);
    }

    private void expect(String t) {
        if (!peek(t)) {
            throw error(at < tokens.size() ? "expected '" + t + "' but found '" + tokens.get(at) + "'" : "expected '" + t + "' at the end");
        }
        at++;
    }

    private InputException error(String what) {
        return error(what, at);
    }

    private InputException error(String what, int token) {
        String where = token < positions.size() ? " at position " + (positions.get(token) + 1) : "";
        return new InputException("formula '" + text + "': " + what + where);
    }
}
