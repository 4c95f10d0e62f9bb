package org.synergia.microsim;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import org.synergia.data.InputException;
import org.synergia.data.OptionName;

/**
 * Where the households come from: a Parquet file with the population schema (columns
 * {@code id BIGINT, weight DOUBLE, region INTEGER, rural BOOLEAN, consumption DOUBLE,
 * size INTEGER, pmt_score DOUBLE, school_child BOOLEAN, farming BOOLEAN}; consumption per capita
 * per year), or a synthetic national population generated on the fly.
 */
public sealed interface PopulationSource extends Serializable {

    /** The Parquet columns, in order. */
    String COLUMNS = "id, weight, region, rural, consumption, size, pmt_score, school_child, farming";

    /** @return whether the households are simulated */
    boolean simulated();

    /**
     * A Parquet file (or a DuckDB-readable glob of files).
     *
     * @param file the file
     * @param simulated whether its households are simulated
     */
    record Parquet(String file, boolean simulated) implements PopulationSource {

        /**
         * @param file a Parquet file
         * @param simulated whether its households are simulated
         * @return the source, checked to exist
         */
        public static Parquet of(Path file, boolean simulated) {
            if (!Files.isRegularFile(file)) {
                throw new InputException("population file " + file + " not found");
            }
            return new Parquet(file.toAbsolutePath().toString(), simulated);
        }
    }

    /**
     * A synthetic population.
     *
     * @param spec the country specification
     * @param households how many households to generate (weights scale them to the national count)
     * @param seed the generator's seed
     */
    record Synthetic(SyntheticPopulation spec, long households, long seed) implements PopulationSource {

        /** Checks the size. */
        public Synthetic {
            if (households < 1) {
                throw new InputException(MicrosimProblem.TOO_FEW_HOUSEHOLDS, OptionName.of("households"), households);
            }
        }

        @Override
        public boolean simulated() {
            return true;
        }
    }
}
