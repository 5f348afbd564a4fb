package org.symptomgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symptomgraph.bench.CorpusGenerator;
import org.symptomgraph.testing.Fixtures;

/**
 * An import that meets a folder it cannot read, or is stopped while it writes its file: the
 * folder is named and the rest imported; the stopped import leaves no temporary file behind.
 * Both run the command in a child JVM: it is stopped with SIGTERM, and (as the tests run as root
 * here, and root reads any folder) it runs without root's capabilities, through util-linux's
 * setpriv.
 */
class InterruptedImportTest {

    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

    @TempDir
    Path dir;

    /** The command line in a child JVM; without root's power to read any file, when run as root. */
    private static ProcessBuilder child(Path stderr, String... args) {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name")) && Files.isExecutable(SETPRIV)) {
            command.addAll(List.of(SETPRIV.toString(), "--inh-caps=-all", "--ambient-caps=-all", "--bounding-set=-all", "--"));
        }
        command.addAll(List.of(java, "-Xmx512m", "-cp", classpath, "org.symptomgraph.cli.Main"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(stderr.toFile());
    }

    @Test
    void anUnreadableFolderIsNamedAndTheRestImported() throws Exception {
        Path folder = dir.resolve("pages");
        Path locked = folder.resolve("locked");
        Files.createDirectories(locked);
        Files.copy(Fixtures.PETECHIAE, folder.resolve("petechiae.txt"));
        Files.copy(Fixtures.testDocument("hiccups.txt"), locked.resolve("hiccups.txt"));
        Files.copy(Fixtures.testDocument("headache.txt"), folder.resolve("headache.txt"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        Path out = dir.resolve("out.txt");
        try {
            Process p = child(out, "import", folder.toString(), "--out", dir.resolve("pages.nt").toString()).start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the import ended");
            String printed = Files.readString(out);
            assertEquals(1, p.exitValue(), printed);
            assertTrue(printed.contains("error: " + locked + ": cannot be read (AccessDeniedException); skipped"), printed);
            assertFalse(printed.contains("\tat "), "no stack trace: " + printed);
            String triples = Files.readString(dir.resolve("pages.nt"));
            assertTrue(triples.contains("\"Petechiae\"@en") && triples.contains("\"Headache\"@en"), "the other pages");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void anImportStoppedWhileWritingLeavesNoTemporaryFile() throws Exception {
        Path corpus = dir.resolve("corpus");
        CorpusGenerator.write(corpus, 300, 5);
        Path target = dir.resolve("out").resolve("corpus.nt");
        Files.createDirectories(target.getParent());
        Process p = child(dir.resolve("log.txt"), "import", corpus.toString(), "--out", target.toString()).start();
        boolean caught = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (p.isAlive() && System.nanoTime() < deadline) {
            if (!temporaryFiles(target.getParent()).isEmpty()) {
                p.destroy(); // SIGTERM, as a service manager or Ctrl-C would stop it
                caught = true;
                break;
            }
            Thread.sleep(5);
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the import stopped");
        assertTrue(caught, "the import was not caught writing its file: " + Files.readString(dir.resolve("log.txt")));
        assertEquals(List.of(), temporaryFiles(target.getParent()), () -> "a temporary file was left behind: "
                + read(dir.resolve("log.txt")));
        assertFalse(Files.exists(target), "no half-written file");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static List<Path> temporaryFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith(".symptomgraph-")).toList();
        }
    }
}
