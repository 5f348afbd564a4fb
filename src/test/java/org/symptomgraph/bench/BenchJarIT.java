package org.symptomgraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symptomgraph.testing.Cli;

/**
 * The packaged jars (run by failsafe after {@code package}): the product jar holds no benchmark and
 * no JMH, its command line has no {@code bench}; the bench jar holds the benchmarks and runs them
 * on the product jar beside it.
 */
class BenchJarIT {

    private static final Path PRODUCT = Path.of(System.getProperty("productJar", "target/symptomgraph.jar"));
    private static final Path BENCH = Path.of(System.getProperty("benchJar", "target/symptomgraph-bench.jar"));

    @TempDir
    Path dir;

    @Test
    void theProductJarHoldsNoBenchmarkClass() throws IOException {
        List<String> product = entries(PRODUCT);
        assertTrue(product.contains("org/symptomgraph/cli/Main.class"), "the product jar is read: " + PRODUCT);
        assertEquals(List.of(), product.stream().filter(e -> e.startsWith("org/symptomgraph/bench/")
                || e.startsWith("org/openjdk/jmh/")).toList());
    }

    @Test
    void theBenchJarHoldsTheBenchmarksAndJmhButNotTheProduct() throws IOException {
        List<String> bench = entries(BENCH);
        for (String entry : List.of("org/symptomgraph/bench/BenchCommand.class",
                "org/symptomgraph/bench/CorpusGenerator.class", "org/symptomgraph/bench/ImporterBenchmark.class",
                "META-INF/BenchmarkList", "org/openjdk/jmh/Main.class")) {
            assertTrue(bench.contains(entry), entry);
        }
        assertFalse(bench.stream().anyMatch(e -> e.startsWith("org/symptomgraph/cli/")), "the product comes from its own jar");
    }

    @Test
    void theProductCommandLineHasNoBench() throws Exception {
        Cli.Run help = java("-jar", PRODUCT.toString(), "--help");
        assertEquals(0, help.status(), help.toString());
        assertTrue(help.out().contains("  import "), help.out());
        assertFalse(help.out().contains("bench"), help.out());
        Cli.Run bench = java("-jar", PRODUCT.toString(), "bench");
        assertEquals(2, bench.status(), bench.toString());
        assertTrue(bench.err().contains("Unmatched argument at index 0: 'bench'"), bench.err());
    }

    @Test
    void theBenchJarListsItsCommandsAndJmhItsBenchmarks() throws Exception {
        Cli.Run help = java("-jar", BENCH.toString(), "--help");
        assertEquals(0, help.status(), help.toString());
        for (String command : List.of("  import ", "  endpoint ", "  frontend ", "  ready ", "  jmh ")) {
            assertTrue(help.out().contains(command), command + "\n" + help.out());
        }
        Cli.Run list = java("-jar", BENCH.toString(), "jmh", "-l");
        assertEquals(0, list.status(), list.toString());
        for (String benchmark : List.of("ImporterBenchmark.map", "ImporterBenchmark.parse",
                "ImporterBenchmark.parseAndMap")) {
            assertTrue(list.out().contains("org.symptomgraph.bench." + benchmark), benchmark + "\n" + list.out());
        }
    }

    /** The import benchmark end to end from the bench jar, at a size that takes seconds: generator, import command, loader. */
    @Test
    void theImportBenchmarkRunsFromTheBenchJar() throws Exception {
        Cli.Run run = java("-Xmx512m", "-jar", BENCH.toString(), "import", "--pages", "5", "--work", dir.toString());
        assertEquals(0, run.status(), run.toString());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("| 5 | new db (bulk) |")), run.out());
        assertTrue(run.err().contains("generated 5 pages"), run.err());
    }

    /**
     * The front-end benchmark end to end from the bench jar, at a size that takes seconds: two replicas of
     * the product jar, HAProxy, Varnish; every answer validated. Skipped without haproxy or varnish.
     */
    @Test
    void theFrontendBenchmarkRunsFromTheBenchJar() throws Exception {
        assumeTrue(FrontendBenchmark.available(), "haproxy or varnish is not installed: the front-end benchmark is not run");
        Cli.Run run = java("-Xmx256m", "-jar", BENCH.toString(), "frontend", "--work", dir.toString(), "--requests", "40",
                "--concurrency", "2", "--rounds", "1", "--warmup", "1", "--jvm", "-Xmx256m -XX:TieredStopAtLevel=1");
        assertEquals(0, run.status(), run.toString());
        List<String> rows = run.out().lines().filter(l -> l.startsWith("| 2 |")).toList();
        assertEquals(3, rows.size(), run.out());
        assertTrue(rows.get(0).contains("| 0/0 |"), "no failed request: " + rows.get(0));
        // Every distinct request of the set is a 200 with validators: a revalidating client gets only 304s.
        assertTrue(rows.get(1).startsWith("| 2 | a, front |") && rows.get(1).contains("| **1.000** |"), rows.get(1));
        assertTrue(rows.get(2).startsWith("| 2 | b, replica |") && rows.get(2).contains("| **1.000** |"), rows.get(2));
    }

    private static List<String> entries(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return Collections.list(file.entries()).stream().map(ZipEntry::getName).toList();
        }
    }

    /** A new JVM in the repository root (where the commands' defaults point), bounded to two minutes. */
    private Cli.Run java(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "still running after 120 s: " + command);
        } finally {
            p.destroyForcibly();
        }
        return new Cli.Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
