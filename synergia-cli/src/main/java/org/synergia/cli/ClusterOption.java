package org.synergia.cli;

import java.util.Optional;
import picocli.CommandLine.Option;

/** Mixed into an {@code estimate} method that supports cluster-robust variance: {@code --cluster C}. */
public final class ClusterOption {

    @Option(names = "--cluster", paramLabel = "C", description = "the variable identifying clusters (cluster-robust variance)")
    private String variable;

    /** @return the cluster variable, when given */
    public Optional<String> variable() {
        return Optional.ofNullable(variable);
    }
}
