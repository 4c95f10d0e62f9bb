package org.synergia.web.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.synergia.report.i18n.Messages;

/**
 * The report files the portal may serve, listed once from the workspace's {@code reports/<lang>/}
 * folders. Requests name a language and a file; only a name found in this listing is ever
 * resolved to a file, so no request can reach any other path. A symbolic link, or a file whose
 * real path lies outside the workspace's, is never listed.
 */
public final class Downloads {

    private static final Pattern NAME = Pattern.compile("[a-z0-9-]+\\.(html|pdf)");

    private final Map<String, Path> files;

    private Downloads(Map<String, Path> files) {
        this.files = files;
    }

    /**
     * @param workspace the workspace folder
     * @return the report files found under {@code reports/<lang>/}
     */
    public static Downloads scan(Path workspace) {
        Map<String, Path> files = new TreeMap<>();
        Path root = realPath(workspace);
        for (String lang : Messages.LANGUAGES) {
            Path folder = workspace.resolve("reports").resolve(lang);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> listing = Files.list(folder)) {
                listing.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) && realPath(f).startsWith(root))
                        .filter(f -> NAME.matcher(f.getFileName().toString()).matches())
                        .forEach(f -> files.put(lang + "/" + f.getFileName(), f.toAbsolutePath().normalize()));
            } catch (IOException e) {
                throw new UncheckedIOException("could not list the reports in " + folder + ": " + e.getMessage(), e);
            }
        }
        return new Downloads(Map.copyOf(files));
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("could not resolve " + p + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param language a language, as requested
     * @param name a file name, as requested
     * @return the file, when that language and name are in the listing
     */
    public Optional<Path> find(String language, String name) {
        return Optional.ofNullable(files.get(language + "/" + name));
    }

    /** @return every listed file by its {@code <lang>/<name>} key */
    public Map<String, Path> all() {
        return files;
    }
}
