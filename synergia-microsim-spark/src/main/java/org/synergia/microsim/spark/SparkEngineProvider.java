package org.synergia.microsim.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.synergia.microsim.MicrosimEngine;

/**
 * Makes the Spark engine available as {@code --engine spark}: under {@code spark-submit} it joins
 * the session configured there (cluster master); otherwise it starts {@code local[threads]} on
 * 127.0.0.1.
 */
public final class SparkEngineProvider implements MicrosimEngine.Provider {

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public MicrosimEngine create(int threads) {
        SparkSession.Builder b = SparkSession.builder().appName("synergia-microsim");
        if (!new SparkConf().contains("spark.master")) {
            b = b.master("local[" + threads + "]").config("spark.driver.host", "127.0.0.1").config("spark.ui.enabled", "false");
        }
        return SparkEngine.on(b.getOrCreate());
    }
}
