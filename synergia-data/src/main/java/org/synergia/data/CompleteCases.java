package org.synergia.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * The one rule for missing values of every analysis (Stata's rule): the rows with a value in every
 * variable the analysis uses are kept, the others are left out and counted, variable by variable.
 * A value is missing as {@link Column#isMissing(int)} says: the system missing value, Stata's
 * extended missing values {@code .a}..{@code .z}, SPSS user-missing codes, an empty text. Under
 * {@link MissingPolicy#REFUSE} any missing value is an error naming the file, the variable and the
 * row. Immutable.
 *
 * <p>{@code CompleteCases cc = CompleteCases.of(data, List.of("re78", "age"), MissingPolicy.DROP);}
 * then {@link #dataset()} is the data on the kept rows and {@link #warning()} the sentence that
 * reports the drop: {@code 12 rows left out for missing values (re78: 10, age: 3; a row can miss several)}.
 */
public final class CompleteCases {

    private final Dataset data;
    private final List<String> variables;
    private final int considered;
    private final int[] rows;
    private final Map<String, Integer> missing;

    private CompleteCases(Dataset data, List<String> variables, int considered, int[] rows, Map<String, Integer> missing) {
        this.data = data;
        this.variables = variables;
        this.considered = considered;
        this.rows = rows;
        this.missing = missing;
    }

    /**
     * @param data the data set
     * @param variables the variables the analysis uses (null entries are skipped, repeats read once)
     * @param policy drop incomplete rows or refuse them
     * @return the complete rows of {@code data}
     * @throws InputException for an unknown variable, under {@link MissingPolicy#REFUSE} for any
     *     missing value, and when no row is complete
     */
    public static CompleteCases of(Dataset data, Collection<String> variables, MissingPolicy policy) {
        return of(data, variables, policy, i -> true);
    }

    /**
     * The complete rows among those an analysis considers (for example the rows of the groups it
     * compares); the other rows are neither kept nor counted as dropped.
     *
     * @param data the data set
     * @param variables the variables the analysis uses (null entries are skipped, repeats read once)
     * @param policy drop incomplete rows or refuse them
     * @param considered which rows the analysis considers, by row index
     * @return the complete rows among the considered ones
     * @throws InputException for an unknown variable, under {@link MissingPolicy#REFUSE} for any
     *     missing value, and when no row is complete
     */
    public static CompleteCases of(Dataset data, Collection<String> variables, MissingPolicy policy,
            IntPredicate considered) {
        Set<String> names = new LinkedHashSet<>();
        for (String v : variables) {
            if (v != null) {
                names.add(v);
            }
        }
        List<Column> columns = new ArrayList<>(names.size());
        for (String v : names) {
            columns.add(data.column(v));
        }
        int total = data.rowCount();
        int[] keep = new int[total];
        int[] count = new int[columns.size()];
        int[] first = new int[columns.size()];
        Arrays.fill(first, -1);
        int n = 0;
        int seen = 0;
        for (int i = 0; i < total; i++) {
            if (!considered.test(i)) {
                continue;
            }
            seen++;
            boolean complete = true;
            for (int j = 0; j < columns.size(); j++) {
                Column c = columns.get(j);
                if (c.missingCount() > 0 && c.isMissing(i)) {
                    complete = false;
                    if (count[j]++ == 0) {
                        first[j] = i;
                    }
                }
            }
            if (complete) {
                keep[n++] = i;
            }
        }
        List<String> order = List.copyOf(names);
        Map<String, Integer> missing = new LinkedHashMap<>();
        for (int j = 0; j < count.length; j++) {
            if (count[j] > 0) {
                missing.put(order.get(j), count[j]);
            }
        }
        if (policy == MissingPolicy.REFUSE && !missing.isEmpty()) {
            throw refused(data, order, columns, count, first);
        }
        if (n == 0 && seen > 0) {
            throw new InputException(data.name() + ": no row has a value in all of " + String.join(", ", order)
                    + (missing.isEmpty() ? "" : " (missing: " + counts(missing) + ")")
                    + "; check the variable names, or fill in the missing values");
        }
        return new CompleteCases(data, order, seen, Arrays.copyOf(keep, n),
                Collections.unmodifiableMap(missing));
    }

    private static InputException refused(Dataset data, List<String> names, List<Column> columns, int[] count,
            int[] first) {
        int j = -1;
        for (int k = 0; k < count.length; k++) {
            if (count[k] > 0 && (j < 0 || first[k] < first[j])) {
                j = k;
            }
        }
        Column c = columns.get(j);
        int row = first[j];
        int others = 0;
        for (int k = 0; k < count.length; k++) {
            others += k == j ? 0 : count[k];
        }
        int kind = 0;
        String code = "";
        if (c instanceof NumericColumn nc) {
            if (nc.isUserMissing(row)) {
                kind = 1;
                code = NumericColumn.formatNumber(nc.rawValue(row));
            } else if (nc.missingCode(row) > MissingCodes.SYSTEM) {
                kind = 2;
                code = MissingCodes.name(nc.missingCode(row));
            }
        }
        return new InputException(DataProblem.MISSING_REFUSED, data.name(), names.get(j), row + 1, kind, code,
                count[j] - 1, others, OptionName.of("missing"));
    }

    /** @return the data set the rows index */
    public Dataset source() {
        return data;
    }

    /** @return the variables checked, in order, each once */
    public List<String> variables() {
        return variables;
    }

    /** @return the kept rows' indices in {@link #source()}, ascending */
    public int[] rows() {
        return rows.clone();
    }

    /** @return how many rows are kept */
    public int size() {
        return rows.length;
    }

    /** @return how many of the considered rows were left out for a missing value */
    public int dropped() {
        return considered - rows.length;
    }

    /**
     * @return for each variable with a missing value among the considered rows, how many rows miss
     *     it (a row can miss several, so the counts can add up to more than {@link #dropped()}), in
     *     the order the variables were given
     */
    public Map<String, Integer> missingByVariable() {
        return missing;
    }

    /**
     * @return for each row of {@link #source()}, true when it is kept
     */
    public boolean[] keptMask() {
        boolean[] mask = new boolean[data.rowCount()];
        for (int r : rows) {
            mask[r] = true;
        }
        return mask;
    }

    /**
     * @return the data on the kept rows: {@link #source()} itself when every row is kept
     */
    public Dataset dataset() {
        return rows.length == data.rowCount() ? data : data.rows(rows);
    }

    /**
     * @return the one-line report of the drop, e.g. {@code 12 rows left out for missing values
     *     (re78: 10, age: 3; a row can miss several)}, the variables that miss most first; empty
     *     when no row was left out
     */
    public Optional<String> warning() {
        int dropped = dropped();
        if (dropped == 0) {
            return Optional.empty();
        }
        int sum = missing.values().stream().mapToInt(Integer::intValue).sum();
        return Optional.of(dropped + (dropped == 1 ? " row" : " rows") + " left out for missing values ("
                + counts(missing) + (sum > dropped ? "; a row can miss several" : "") + ")");
    }

    /** The counts, most missing first (ties in the order the variables were given). */
    private static String counts(Map<String, Integer> missing) {
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(missing.entrySet());
        sorted.sort((a, b) -> Integer.compare(b.getValue(), a.getValue()));
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Integer> e : sorted) {
            b.append(b.length() == 0 ? "" : ", ").append(e.getKey()).append(": ").append(e.getValue());
        }
        return b.toString();
    }
}
