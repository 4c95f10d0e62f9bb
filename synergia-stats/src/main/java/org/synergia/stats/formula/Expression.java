package org.synergia.stats.formula;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.synergia.data.NumericColumn;

/**
 * An arithmetic expression of variables, as written inside {@code I()} or as a formula's response:
 * numbers, variables, {@code + - * / ^}, unary minus, parentheses and the functions {@code log},
 * {@code exp}, {@code sqrt}, {@code abs}. Evaluated in double precision whatever the variables'
 * storage. {@link #label()} prints it as R's {@code deparse} does (spaces around {@code + - *},
 * none around {@code / ^}), so term names match R's.
 */
public sealed interface Expression {

    /** @return the expression as R prints it */
    String label();

    /**
     * @param variables receives the names of the variables used, in order of appearance
     */
    void collectVariables(Set<String> variables);

    /**
     * @param value the value of a variable in the current row
     * @return the expression's value
     */
    double evaluate(ToDoubleFunction<String> value);

    /** @return the variables used, in order of appearance */
    default Set<String> variables() {
        Set<String> s = new LinkedHashSet<>();
        collectVariables(s);
        return s;
    }

    /** A number. */
    record Number(double value) implements Expression {
        @Override
        public String label() {
            return NumericColumn.formatNumber(value);
        }

        @Override
        public void collectVariables(Set<String> variables) {
        }

        @Override
        public double evaluate(ToDoubleFunction<String> v) {
            return value;
        }
    }

    /** A variable of the dataset. */
    record Variable(String name) implements Expression {
        @Override
        public String label() {
            return name;
        }

        @Override
        public void collectVariables(Set<String> variables) {
            variables.add(name);
        }

        @Override
        public double evaluate(ToDoubleFunction<String> v) {
            return v.applyAsDouble(name);
        }
    }

    /** {@code -operand}. */
    record Negation(Expression operand) implements Expression {
        @Override
        public String label() {
            return "-" + operand.label();
        }

        @Override
        public void collectVariables(Set<String> variables) {
            operand.collectVariables(variables);
        }

        @Override
        public double evaluate(ToDoubleFunction<String> v) {
            return -operand.evaluate(v);
        }
    }

    /**
     * A node that only changes how {@code inner} is printed ({@code (inner)}, {@code I(inner)}): its
     * variables and its value are the inner expression's.
     */
    sealed interface Wrapping extends Expression {

        /** @return the wrapped expression */
        Expression inner();

        @Override
        default void collectVariables(Set<String> variables) {
            inner().collectVariables(variables);
        }

        @Override
        default double evaluate(ToDoubleFunction<String> v) {
            return inner().evaluate(v);
        }
    }

    /** {@code (inner)}, kept so that labels show the parentheses as written. */
    record Parenthesised(Expression inner) implements Wrapping {
        @Override
        public String label() {
            return "(" + inner.label() + ")";
        }
    }

    /** {@code left op right} with {@code op} one of {@code + - * / ^}. */
    record Binary(char op, Expression left, Expression right) implements Expression {
        @Override
        public String label() {
            return switch (op) {
                case '+', '-', '*' -> left.label() + " " + op + " " + right.label();
                default -> left.label() + op + right.label();
            };
        }

        @Override
        public void collectVariables(Set<String> variables) {
            left.collectVariables(variables);
            right.collectVariables(variables);
        }

        @Override
        public double evaluate(ToDoubleFunction<String> v) {
            double a = left.evaluate(v);
            double b = right.evaluate(v);
            return switch (op) {
                case '+' -> a + b;
                case '-' -> a - b;
                case '*' -> a * b;
                case '/' -> a / b;
                case '^' -> Math.pow(a, b);
                default -> throw new IllegalStateException("operator " + op);
            };
        }
    }

    /** {@code log(x)}, {@code exp(x)}, {@code sqrt(x)} or {@code abs(x)}. */
    record Call(String function, Expression argument) implements Expression {
        @Override
        public String label() {
            return function + "(" + argument.label() + ")";
        }

        @Override
        public void collectVariables(Set<String> variables) {
            argument.collectVariables(variables);
        }

        @Override
        public double evaluate(ToDoubleFunction<String> v) {
            double a = argument.evaluate(v);
            return switch (function) {
                case "log" -> Math.log(a);
                case "exp" -> Math.exp(a);
                case "sqrt" -> Math.sqrt(a);
                case "abs" -> Math.abs(a);
                default -> throw new IllegalStateException("function " + function);
            };
        }
    }

    /** {@code I(inner)}: arithmetic inside a formula. */
    record AsIs(Expression inner) implements Wrapping {
        @Override
        public String label() {
            return "I(" + inner.label() + ")";
        }
    }
}
