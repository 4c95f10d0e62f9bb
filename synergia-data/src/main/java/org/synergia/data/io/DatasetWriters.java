package org.synergia.data.io;

import java.nio.file.Path;
import java.util.Locale;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;

/** Writes a dataset in the format its file name's extension names. */
public final class DatasetWriters {

    private DatasetWriters() {
    }

    /**
     * Writes {@code .dta} (Stata 14+, format 118), {@code .csv} and {@code .tsv} files.
     *
     * @param data the dataset
     * @param file where to write it
     * @throws InputException for an unknown extension or a file that cannot be written
     */
    public static void write(Dataset data, Path file) {
        String name = InputFiles.name(file);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        switch (ext) {
            case "dta" -> StataWriter.withDefaults().write(data, file);
            case "csv" -> CsvWriter.withDefaults().write(data, file);
            case "tsv" -> CsvWriter.withDefaults().withDelimiter('\t').write(data, file);
            default -> throw new InputException(name + ": Synergia writes .dta, .csv and .tsv files, not '"
                    + (ext.isEmpty() ? name : "." + ext) + "'; choose one of these extensions");
        }
    }
}
