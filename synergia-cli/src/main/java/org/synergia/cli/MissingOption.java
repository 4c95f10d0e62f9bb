package org.synergia.cli;

import org.synergia.data.MissingPolicy;
import picocli.CommandLine.Option;

/**
 * {@code --missing drop|refuse}, mixed into every command that reads data: what to do with a row
 * that has a missing value in a variable the analysis uses ({@link org.synergia.data.CompleteCases}).
 */
public final class MissingOption {

    /** The {@code --missing} values. */
    enum Choice { drop, refuse }

    @Option(names = "--missing", defaultValue = "drop", paramLabel = "RULE",
            description = "rows with a missing value (., .a-.z, SPSS user-missing, NA) in a variable the analysis uses:"
                    + " drop (leave them out, reported in rows_dropped and a warning) or refuse (an error)"
                    + " (default: ${DEFAULT-VALUE})")
    private Choice choice = Choice.drop;

    /** @return the policy chosen */
    public MissingPolicy policy() {
        return choice == Choice.refuse ? MissingPolicy.REFUSE : MissingPolicy.DROP;
    }
}
