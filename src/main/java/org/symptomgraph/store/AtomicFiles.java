package org.symptomgraph.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Files written beside their target and moved into place, so a failed write never leaves half a
 * file; nor does a process stopped mid-write (SIGTERM, Ctrl-C): a shutdown hook removes the
 * temporary file while it is being written.
 */
public final class AtomicFiles {

    /** What writes the content. */
    @FunctionalInterface
    public interface Content<T> {
        T writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    public static <T> T write(Path target, Content<T> content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // The hook is in place before the file exists: a stop at any moment leaves nothing.
        AtomicReference<Path> written = new AtomicReference<>();
        Thread removeOnExit = new Thread(() -> {
            try {
                Path temp = written.get();
                if (temp != null) {
                    Files.deleteIfExists(temp);
                }
            } catch (IOException ignored) {
                // nothing more to do as the process ends
            }
        }, "remove a temporary file");
        Runtime.getRuntime().addShutdownHook(removeOnExit);
        Path temp;
        try {
            temp = Files.createTempFile(dir, ".symptomgraph-", ".tmp");
            written.set(temp);
        } catch (IOException | RuntimeException e) {
            Runtime.getRuntime().removeShutdownHook(removeOnExit);
            throw e;
        }
        try {
            T result;
            try (OutputStream os = Files.newOutputStream(temp)) {
                result = content.writeTo(os);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return result;
        } finally {
            Files.deleteIfExists(temp);
            try {
                Runtime.getRuntime().removeShutdownHook(removeOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs (or ran) anyway
            }
        }
    }
}
