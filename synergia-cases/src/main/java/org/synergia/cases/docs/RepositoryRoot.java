package org.synergia.cases.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the root of a Synergia checkout: the folder holding the parent {@code pom.xml}, the one that lists the modules. */
public final class RepositoryRoot {

    private RepositoryRoot() {}

    /**
     * Walks up from {@code start} to the first folder whose {@code pom.xml} lists modules (a
     * module's own {@code pom.xml} does not).
     *
     * @param start a folder inside the checkout (a module's folder, the current directory)
     * @return the root, or empty when no folder at or above {@code start} holds the parent pom
     */
    public static Optional<Path> find(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom) && listsModules(pom)) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    private static boolean listsModules(Path pom) {
        try {
            String text = Files.readString(pom);
            return text.contains("<artifactId>synergia-parent</artifactId>") && text.contains("<modules>");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pom, e);
        }
    }
}
