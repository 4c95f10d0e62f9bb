package org.synergia.microsim.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.synergia.data.InputException;
import org.synergia.microsim.MicrosimEngine;
import org.synergia.microsim.MicrosimKernel;
import org.synergia.microsim.MicrosimResult;
import org.synergia.microsim.OutcomeSums;
import org.synergia.microsim.PopulationChunk;
import org.synergia.microsim.PopulationSource;
import org.synergia.microsim.Scenario;
import org.synergia.microsim.ScenarioModel;
import org.synergia.microsim.SyntheticPopulation;

/**
 * The Apache Spark engine, for census-scale populations on a cluster: each partition runs the
 * shared {@link MicrosimKernel} over its households in chunks into one {@link OutcomeSums}, and
 * the partial sums are combined by {@code reduce}. A Parquet population is read with Spark's
 * reader; a synthetic one is generated inside the partitions from id ranges (same households as
 * the local engine, whose generator depends only on the seed and the id).
 */
public final class SparkEngine implements MicrosimEngine {

    private final SparkSession spark;
    private final int chunkRows;
    private final int partitions;

    private SparkEngine(SparkSession spark, int chunkRows, int partitions) {
        if (chunkRows < 1 || partitions < 0) {
            throw new InputException("Spark engine: chunk rows " + chunkRows + " and partitions " + partitions
                    + " must be positive (partitions 0 = Spark's default parallelism)");
        }
        this.spark = spark;
        this.chunkRows = chunkRows;
        this.partitions = partitions;
    }

    /**
     * @param spark the session (local or cluster)
     * @return an engine with chunks of 8,192 rows and Spark's default parallelism
     */
    public static SparkEngine on(SparkSession spark) {
        return new SparkEngine(spark, 8192, 0);
    }

    /**
     * @param n partitions of a synthetic population, or of a Parquet one after repartitioning
     *     (0 = keep Spark's default)
     * @return this engine with {@code n} partitions
     */
    public SparkEngine withPartitions(int n) {
        return new SparkEngine(spark, chunkRows, n);
    }

    @Override
    public MicrosimResult run(ScenarioModel model, List<Scenario> scenarios, PopulationSource population, int draws,
            long seed) {
        MicrosimKernel kernel = new MicrosimKernel(model, scenarios, draws, seed);
        int rows = chunkRows;
        JavaRDD<OutcomeSums> parts;
        if (population instanceof PopulationSource.Synthetic s) {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            List<Long> starts = new ArrayList<>();
            for (long first = 0; first < s.households(); first += rows) {
                starts.add(first);
            }
            int n = partitions > 0 ? partitions : jsc.defaultParallelism();
            SyntheticPopulation spec = s.spec();
            long total = s.households();
            long populationSeed = s.seed();
            parts = jsc.parallelize(starts, Math.min(n, starts.size())).mapPartitions(it -> {
                OutcomeSums sums = kernel.newSums();
                PopulationChunk chunk = new PopulationChunk(rows);
                while (it.hasNext()) {
                    long first = it.next();
                    spec.generate(first, (int) Math.min(rows, total - first), total, populationSeed, chunk);
                    kernel.accumulate(chunk, sums);
                }
                return List.of(sums).iterator();
            });
        } else {
            String file = ((PopulationSource.Parquet) population).file();
            var frame = spark.read().parquet(file).selectExpr("CAST(id AS BIGINT)", "CAST(weight AS DOUBLE)",
                    "CAST(region AS INT)", "CAST(rural AS BOOLEAN)", "CAST(consumption AS DOUBLE)", "CAST(size AS INT)",
                    "CAST(pmt_score AS DOUBLE)", "CAST(school_child AS BOOLEAN)", "CAST(farming AS BOOLEAN)");
            if (partitions > 0) {
                frame = frame.repartition(partitions);
            }
            parts = frame.javaRDD().mapPartitions((Iterator<Row> it) -> {
                OutcomeSums sums = kernel.newSums();
                PopulationChunk chunk = new PopulationChunk(rows);
                while (it.hasNext()) {
                    chunk.clear();
                    while (chunk.rows() < rows && it.hasNext()) {
                        Row r = it.next();
                        chunk.add(r.getLong(0), r.getDouble(1), r.getInt(2), r.getBoolean(3), r.getDouble(4), r.getInt(5),
                                r.getDouble(6), r.getBoolean(7), r.getBoolean(8));
                    }
                    kernel.accumulate(chunk, sums);
                }
                return List.of(sums).iterator();
            });
        }
        OutcomeSums total = parts.reduce(OutcomeSums::combine);
        return kernel.finish(total, population.simulated());
    }
}
