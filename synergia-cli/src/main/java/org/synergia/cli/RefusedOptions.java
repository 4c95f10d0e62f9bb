package org.synergia.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Mixins for the {@code estimate} methods that cannot use {@code --weights} or {@code --cluster}:
 * the option is accepted by the parser (hidden from help) only to be refused with a clear usage
 * error, exit status 2.
 */
public final class RefusedOptions {

    private RefusedOptions() {
    }

    private static CommandLine.ParameterException refusal(CommandLine.Model.CommandSpec method, String option,
            String what) {
        return new CommandLine.ParameterException(method.commandLine(), method.qualifiedName() + " does not support "
                + option + " (" + what + "); remove the option or choose a method that supports it");
    }

    /** Refuses {@code --weights}. */
    public static final class Weights {
        @Spec(Spec.Target.MIXEE)
        private CommandLine.Model.CommandSpec method;

        @Option(names = "--weights", hidden = true, paramLabel = "W")
        private void refuse(String variable) {
            throw refusal(method, "--weights", "sampling weights");
        }
    }

    /** Refuses {@code --cluster}. */
    public static final class Cluster {
        @Spec(Spec.Target.MIXEE)
        private CommandLine.Model.CommandSpec method;

        @Option(names = "--cluster", hidden = true, paramLabel = "C")
        private void refuse(String variable) {
            throw refusal(method, "--cluster", "cluster-robust variance");
        }
    }
}
