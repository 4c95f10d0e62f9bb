/**
 * The {@code synergia} command ({@link org.synergia.cli.SynergiaCli}, picocli): {@code run},
 * {@code report}, {@code cases}, {@code serve}, {@code estimate METHOD}, {@code describe},
 * {@code power}, {@code lewie} and {@code microsim}. Each subcommand is a thin layer over the library
 * API, and this is the only module that knows about argument parsing. Every
 * {@code estimate} method is generated from an estimator of the registry
 * ({@link org.synergia.cli.EstimatorCommand}), which reads {@code --data} with the data readers, runs
 * the {@link org.synergia.stats.estimator.Estimation} (the rows complete in the variables the method
 * uses, under {@code --missing}) and prints the result with {@link org.synergia.cli.ResultPrinter} as text
 * or as the JSON document of {@code docs/interface.md}. An {@link org.synergia.data.InputException}
 * is printed as one line without a stack trace.
 */
package org.synergia.cli;
