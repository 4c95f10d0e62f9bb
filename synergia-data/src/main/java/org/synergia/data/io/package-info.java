/**
 * Readers and writers of survey files, the first step of every flow: files become a
 * {@link org.synergia.data.Dataset}. {@link org.synergia.data.io.DatasetReaders} chooses a
 * {@link org.synergia.data.io.DatasetReader} by file extension: {@link org.synergia.data.io.CsvReader}
 * (delimited text), {@link org.synergia.data.io.StataReader} ({@code .dta}, formats 113–115 and
 * 117–119), {@link org.synergia.data.io.SpssReader} ({@code .sav}, {@code .zsav}) and
 * {@link org.synergia.data.io.ParquetReader} (through embedded DuckDB).
 * {@link org.synergia.data.io.DatasetWriters} writes {@code .dta} (format 118), {@code .csv} and
 * {@code .tsv}. A missing, truncated or malformed file ends in an
 * {@link org.synergia.data.InputException} naming the file and what was being read.
 */
package org.synergia.data.io;
