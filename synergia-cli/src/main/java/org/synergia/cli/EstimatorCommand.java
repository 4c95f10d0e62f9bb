package org.synergia.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.data.io.DatasetReaders;
import org.synergia.stats.estimator.Estimation;
import org.synergia.stats.estimator.Estimator;
import org.synergia.stats.estimator.EstimatorOption;
import org.synergia.stats.estimator.EstimatorOptions;
import org.synergia.stats.inference.EstimationResult;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code synergia estimate NAME}, generated from an {@link Estimator} of the registry: its options
 * become {@code --name} options (also {@code --alias}; each {@link Estimator#exactlyOneOf()} group
 * an exclusive group of which one is required), with {@code --data FILE}, {@code --missing} and the
 * global options; an estimator without weights or clusters refuses {@code --weights}/{@code --cluster} as a usage
 * error. Running it reads the file, runs the {@link Estimation} and prints the result as text or as
 * the JSON result document (the rows left out first among the warnings, on stderr unless
 * {@code --quiet}), writing the estimator's {@link Estimator#output outputs} to the files given.
 */
final class EstimatorCommand implements Callable<Integer> {

    private final Estimator estimator;
    private final GlobalOptions global = new GlobalOptions();
    private final MissingOption missing = new MissingOption();
    private CommandSpec spec;

    private EstimatorCommand(Estimator estimator) {
        this.estimator = estimator;
    }

    /**
     * @param estimator an estimator
     * @return its subcommand
     */
    static CommandSpec of(Estimator estimator) {
        EstimatorCommand command = new EstimatorCommand(estimator);
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name(estimator.name()).mixinStandardHelpOptions(true);
        spec.usageMessage().description(estimator.description());
        spec.addMixin("global", CommandSpec.forAnnotatedObject(command.global));
        spec.addMixin("missing", CommandSpec.forAnnotatedObject(command.missing));
        spec.addOption(OptionSpec.builder("--data").required(true).paramLabel("FILE").type(Path.class)
                .description("the data file: .csv, .tsv, .txt, .dta, .sav, .zsav or .parquet").build());
        List<ArgGroupSpec.Builder> groups = new ArrayList<>();
        Map<String, ArgGroupSpec.Builder> groupOf = new LinkedHashMap<>();
        for (List<String> group : estimator.exactlyOneOf()) {
            ArgGroupSpec.Builder b = ArgGroupSpec.builder().exclusive(true).multiplicity("1");
            groups.add(b);
            group.forEach(name -> groupOf.put(name, b));
        }
        for (EstimatorOption o : estimator.options()) {
            if (groupOf.containsKey(o.name())) {
                groupOf.get(o.name()).addArg(option(o, true));
            } else {
                spec.addOption(option(o, o.required()));
            }
        }
        groups.forEach(b -> spec.addArgGroup(b.build()));
        refuseUnless(spec, estimator, EstimatorOption.WEIGHTS, "W", "sampling weights");
        refuseUnless(spec, estimator, EstimatorOption.CLUSTER, "C", "cluster-robust variance");
        command.spec = spec;
        return spec;
    }

    /** {@code required} is true for an option of an exactly-one-of group: picocli's "required within the group". */
    private static OptionSpec option(EstimatorOption o, boolean required) {
        List<String> names = new ArrayList<>();
        names.add("--" + o.name());
        o.aliases().forEach(a -> names.add("--" + a));
        OptionSpec.Builder b = OptionSpec.builder(names.toArray(String[]::new)).paramLabel(o.label())
                .description(o.description()).required(required).hidden(o.hidden());
        o.defaultValue().ifPresent(b::defaultValue);
        switch (o.kind()) {
            case NUMBER -> b.type(Double.class);
            case INTEGER -> b.type(Integer.class);
            case BOOLEAN -> b.type(Boolean.class).arity("1");
            case FLAG -> b.type(Boolean.class).arity("0");
            case CHOICE -> b.type(String.class).completionCandidates(o.choices()).converters(value -> {
                if (!o.choices().contains(value)) {
                    throw new CommandLine.TypeConversionException("expected one of " + o.choices()
                            + " (case-sensitive) but was '" + value + "'");
                }
                return value;
            });
            case VARIABLE, FORMULA, TEXT, FILE -> b.type(String.class);
        }
        return b.build();
    }

    /** An option the estimator does not have is accepted by the parser (hidden) only to be refused clearly. */
    private static void refuseUnless(CommandSpec spec, Estimator estimator, String name, String label, String what) {
        if (estimator.accepts(name)) {
            return;
        }
        // no initial value: picocli would pass it to the setter when the command has an exclusive group
        spec.addOption(OptionSpec.builder("--" + name).hidden(true).paramLabel(label).type(String.class)
                .hasInitialValue(false)
                .setter(new CommandLine.Model.ISetter() {
                    @Override
                    public <T> T set(T value) {
                        throw new CommandLine.ParameterException(spec.commandLine(), spec.qualifiedName() + " does not support --"
                                + name + " (" + what + "); remove the option or choose a method that supports it");
                    }
                }).build());
    }

    @Override
    public Integer call() {
        Path file = spec.findOption("--data").getValue();
        Map<String, String> given = new LinkedHashMap<>();
        for (EstimatorOption o : estimator.options()) {
            OptionSpec option = spec.findOption("--" + o.name());
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                given.put(o.name(), String.valueOf((Object) option.getValue()));
            }
        }
        EstimatorOptions options = EstimatorOptions.of(estimator, given).withThreads(global.threads()).withSeed(global.seed());
        Dataset dataset = DatasetReaders.read(file);
        Estimation estimation = Estimation.of(dataset, options, missing.policy());
        EstimationResult result = estimation.reported();
        writeOutputs(estimation);
        PrintWriter err = spec.commandLine().getErr();
        if (!global.quiet()) {
            for (String w : result.warnings()) {
                err.println("synergia: warning: " + w);
            }
            err.flush();
        }
        DataProvenance provenance = DataProvenance.of(file, dataset.rowCount(), result.n());
        ResultPrinter.of(global.format).print("estimate", result, provenance, spec.commandLine().getOut());
        return 0;
    }

    private void writeOutputs(Estimation estimation) {
        for (EstimatorOption o : estimator.options()) {
            if (o.kind() != EstimatorOption.Kind.FILE || !estimation.options().given(o.name())) {
                continue;
            }
            Path target = Path.of(estimation.options().required(o.name()));
            Optional<String> content = estimator.output(o.name(), estimation);
            if (content.isEmpty()) {
                continue;
            }
            try {
                Files.writeString(target, content.get(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new InputException("cannot write --" + o.name() + " " + target + ": " + e.getMessage()
                        + "; choose a file in a folder you can write to", e);
            }
        }
    }
}
