package org.symptomgraph.dumps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symptomgraph.rdf.Iris;
import org.symptomgraph.rdf.Vocab;
import org.symptomgraph.store.GraphStore;
import org.symptomgraph.testing.Fixtures;

/** Generations on disk: whole or absent, the previous one kept, a current one not written again. */
class DumpsTest {

    private static final String BASE = Iris.DEFAULT_BASE;

    @TempDir
    Path dir;

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aCancelledGenerationLeavesNothingAndTheNewestStands() throws Exception {
        try (GraphStore store = GraphStore.inMemory()) {
            store.replace(Fixtures.graph(Fixtures.PETECHIAE), Instant.EPOCH);
            Dumps dumps = new Dumps(dir);
            Dumps.Made first = dumps.write(store.dataset(), Vocab.prefixes(BASE));
            List<String> before = files(dir);
            assertEquals(3, before.size(), "two dumps and the manifest: " + before);
            assertThrows(CancellationException.class, () -> dumps.write(store.dataset(), Vocab.prefixes(BASE),
                    () -> true));
            assertEquals(before, files(dir), "no temporary or half file left");
            assertEquals(first, dumps.newest().orElseThrow());

            Dumps.Made second = dumps.write(store.dataset(), Vocab.prefixes(BASE));
            Dumps.Made third = dumps.write(store.dataset(), Vocab.prefixes(BASE));
            assertTrue(third.generation().compareTo(second.generation()) > 0, "generations are ordered");
            assertEquals(5, files(dir).size(), "the newest and the previous generation: " + files(dir));
            assertTrue(Files.exists(dumps.file(second, Dumps.Kind.VERSIONS)));
            assertTrue(Files.notExists(dumps.file(first, Dumps.Kind.CURRENT)), "older generations removed");
        }
    }

    @Test
    void aStartKeepsDumpsOfTheSameDataAndRemakesStaleOnes() throws Exception {
        try (GraphStore store = GraphStore.inMemory()) {
            store.replace(Fixtures.graph(Fixtures.PETECHIAE), Instant.parse("2024-01-01T00:00:00Z"));
            Dumps dumps = new Dumps(dir);
            Dumps.Made made = dumps.write(store.dataset(), Vocab.prefixes(BASE));
            try (DumpMaker maker = new DumpMaker(store, dumps, Vocab.prefixes(BASE), m -> { })) {
                maker.start();
                assertTrue(maker.awaitIdle(Duration.ofSeconds(30)));
                assertEquals(made, dumps.newest().orElseThrow(), "nothing imported since: the same generation");
                store.replace(Fixtures.graph(Fixtures.testDocument("hiccups.txt")), Instant.parse("2024-01-02T00:00:00Z"));
                assertTrue(maker.awaitIdle(Duration.ofSeconds(30)));
                assertNotEquals(made.generation(), dumps.newest().orElseThrow().generation(), "an import: a new one");
            }
        }
    }
}
