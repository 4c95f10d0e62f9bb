package org.synergia.data.io;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import org.synergia.data.Dataset;

/**
 * Reads SPSS system files: {@code .sav} uncompressed or bytecode-compressed and {@code .zsav}
 * (zlib-compressed), in either byte order, with long variable names, very long strings
 * (over 255 bytes), variable labels, value labels of numeric variables, user-missing values
 * (discrete values and ranges, {@code LOWEST}/{@code HIGHEST} as infinities) and display
 * formats. Text is decoded with the file's declared encoding (the character-encoding record, or
 * else the code page of the machine-integer record; Windows-1252 when neither is present). The
 * layout follows the system-file description in the GNU PSPP manual. Value labels and
 * user-missing values of string variables are not kept (the dataset model has them for numbers only).
 *
 * <p>A file is read in its three parts: the header ({@code SpssHeader}), the dictionary
 * ({@code SpssDictionary}) and the case records ({@code SpssRecords}).
 */
public final class SpssReader implements DatasetReader {

    /** SPSS's system-missing value, -DBL_MAX. */
    static final long SYSMIS_BITS = 0xffef_ffff_ffff_ffffL;

    private SpssReader() {
    }

    /** @return a reader */
    public static SpssReader withDefaults() {
        return new SpssReader();
    }

    @Override
    public Dataset read(Path file) {
        return read(InputFiles.name(file), InputFiles.readAll(file));
    }

    /**
     * @param name the file's name, for messages and the dataset's name
     * @param bytes the file's content
     * @return the dataset
     */
    Dataset read(String name, byte[] bytes) {
        BinaryInput in = new BinaryInput(name, "SPSS system", bytes);
        try {
            SpssHeader header = SpssHeader.read(in);
            SpssDictionary dictionary = SpssDictionary.read(name, in, header);
            List<Object> columns = SpssRecords.read(name, in, header, dictionary);
            Dataset.Builder out = Dataset.builder(name).label(dictionary.text(header.fileLabel()).strip())
                    .metadata("format", "sav").metadata("compression", header.compressionName())
                    .metadata("byteorder", in.order() == ByteOrder.BIG_ENDIAN ? "big-endian" : "little-endian")
                    .metadata("encoding", dictionary.charset().name());
            List<SpssDictionary.Var> vars = dictionary.variables();
            for (int j = 0; j < vars.size(); j++) {
                out.add(dictionary.column(vars.get(j), columns.get(j)));
            }
            return out.build();
        } catch (IndexOutOfBoundsException | java.nio.BufferUnderflowException | IllegalArgumentException e) {
            throw in.corrupt("a declared size or value is out of range (" + e.getMessage() + ")");
        }
    }
}
