/**
 * JMH benchmarks of the costly estimators and readers, run by hand and never in the tests:
 * {@link org.synergia.bench.GlmBenchmark}, {@link org.synergia.bench.IpwraBenchmark},
 * {@link org.synergia.bench.PsMatchBenchmark}, {@link org.synergia.bench.DidBenchmark},
 * {@link org.synergia.bench.RdBenchmark}, {@link org.synergia.bench.RdDensityBenchmark},
 * {@link org.synergia.bench.LewieMonteCarloBenchmark} and
 * {@link org.synergia.bench.ReadDtaBenchmark}, each on simulated data. How to run them and the
 * measured times are in {@code docs/benchmarks.md}.
 */
package org.synergia.bench;
