package org.synergia.data.io;

import java.nio.file.Path;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;

/** Reads one file format into a {@link Dataset}. */
public interface DatasetReader {

    /**
     * @param file the file to read
     * @return the dataset, named after the file
     * @throws InputException when the file is missing, unreadable, truncated or malformed
     */
    Dataset read(Path file);
}
