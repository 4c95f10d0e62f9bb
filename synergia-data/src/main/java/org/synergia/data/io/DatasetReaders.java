package org.synergia.data.io;

import java.nio.file.Path;
import java.util.Locale;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;

/** Reads a data file, choosing the reader from the file's extension. */
public final class DatasetReaders {

    private DatasetReaders() {
    }

    /**
     * Reads {@code .csv}, {@code .tsv} and {@code .txt} (delimited text, default settings of
     * {@link CsvReader}), Stata {@code .dta}, SPSS {@code .sav}/{@code .zsav} and Parquet files.
     *
     * @param file the file
     * @return the dataset, named after the file
     * @throws InputException for an unknown extension or a file that cannot be read
     */
    public static Dataset read(Path file) {
        return readerFor(file).read(file);
    }

    /**
     * @param file a file name
     * @return the reader for its extension
     * @throws InputException for an unknown extension
     */
    public static DatasetReader readerFor(Path file) {
        String name = InputFiles.name(file);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return switch (ext) {
            case "csv", "tsv", "txt" -> CsvReader.withDefaults();
            case "dta" -> StataReader.withDefaults();
            case "sav", "zsav" -> SpssReader.withDefaults();
            case "parquet" -> ParquetReader.withDefaults();
            default -> throw new InputException(name + ": unknown file type" + (ext.isEmpty() ? "" : " '." + ext + "'")
                    + "; Synergia reads " + SUPPORTED + " (save the data in one of these)");
        };
    }

    private static final String SUPPORTED = ".csv, .tsv, .txt, .dta, .sav, .zsav, .parquet";
}
