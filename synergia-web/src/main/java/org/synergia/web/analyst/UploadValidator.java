package org.synergia.web.analyst;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.synergia.data.InputException;
import org.synergia.data.io.DatasetReaders;
import org.synergia.report.i18n.Messages;

/**
 * The checks an uploaded survey must pass: a file type the data readers know, then a reading by
 * them, in a worker bounded in time (at most two at once), that finds rows. Says why a survey is
 * refused, in the analyst's language and for the audit log.
 */
final class UploadValidator implements AutoCloseable {

    private static final Set<String> EXTENSIONS = Set.of("csv", "dta", "sav");

    private final ExecutorService validator = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "synergia-upload-validation");
        t.setDaemon(true);
        return t;
    });
    /** At most two surveys are read at once, so a file that reads slowly cannot tie up the server. */
    private final Semaphore validations = new Semaphore(2);

    /**
     * Why a survey was refused: a message key with its argument (the file's shown name, or the
     * data reader's own message, which is in English).
     */
    record Refusal(String key, String argument) {
        String text(Messages m) {
            return m.get(key, argument);
        }

        String detail() {
            return key.substring(key.lastIndexOf('.') + 1) + (argument.isEmpty() ? "" : " " + argument);
        }
    }

    /**
     * @param extension a file's extension, lower case, without the dot
     * @return whether surveys of that type are accepted
     */
    static boolean accepted(String extension) {
        return EXTENSIONS.contains(extension);
    }

    /** Reads the survey with the data readers in a worker bounded in time; returns why it is refused, or null. */
    Refusal validate(Path stored, String shownName) {
        if (!validations.tryAcquire()) {
            return new Refusal("analyst.upload.busy", "");
        }
        Future<Integer> read;
        try {
            read = validator.submit(() -> {
                try {
                    return DatasetReaders.read(stored).rowCount();
                } finally {
                    validations.release();
                }
            });
        } catch (RuntimeException e) {
            validations.release();
            throw e;
        }
        try {
            int rows = read.get(30, TimeUnit.SECONDS);
            return rows == 0 ? new Refusal("analyst.upload.norows", shownName) : null;
        } catch (TimeoutException e) {
            read.cancel(true);
            return new Refusal("analyst.upload.slow", shownName);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InputException ie) {
                return new Refusal("analyst.upload.rejected",
                        ie.getMessage().replace(stored.toString(), shownName).replace(stored.getFileName().toString(), shownName));
            }
            if (cause instanceof OutOfMemoryError) {
                return new Refusal("analyst.upload.expanded", shownName);
            }
            return new Refusal("analyst.upload.unreadable", shownName);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Refusal("analyst.upload.interrupted", "");
        }
    }

    /** Stops the workers. */
    @Override
    public void close() {
        validator.shutdownNow();
    }
}
