package org.symptomgraph.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Files written beside their target and moved into place, so a failed write never leaves half a file. */
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
        Path temp = Files.createTempFile(dir, ".symptomgraph-", ".tmp");
        try {
            T result;
            try (OutputStream os = Files.newOutputStream(temp)) {
                result = content.writeTo(os);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return result;
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
