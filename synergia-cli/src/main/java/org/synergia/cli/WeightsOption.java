package org.synergia.cli;

import java.util.Optional;
import picocli.CommandLine.Option;

/** Mixed into an {@code estimate} method that supports sampling weights: {@code --weights W}. */
public final class WeightsOption {

    @Option(names = "--weights", paramLabel = "W", description = "the variable holding sampling weights")
    private String variable;

    /** @return the weight variable, when given */
    public Optional<String> variable() {
        return Optional.ofNullable(variable);
    }
}
