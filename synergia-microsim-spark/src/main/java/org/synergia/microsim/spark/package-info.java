/**
 * The Apache Spark engine of the microsimulation, for census-scale populations on a cluster:
 * {@link org.synergia.microsim.spark.SparkEngine} runs the shared
 * {@link org.synergia.microsim.MicrosimKernel} in each partition and combines the partial sums by
 * {@code reduce}, so it agrees with the local engine up to summation order.
 * {@link org.synergia.microsim.spark.SparkEngineProvider} registers it as {@code --engine spark}
 * through {@link java.util.ServiceLoader}, so the command line needs no compile-time dependency on
 * Spark.
 */
package org.synergia.microsim.spark;
