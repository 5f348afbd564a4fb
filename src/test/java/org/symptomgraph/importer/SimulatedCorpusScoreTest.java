package org.symptomgraph.importer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The importer on pages it was not built on: two sets of pages written for this project in the
 * format of the development corpus, after the layouts of real publishers' pages, by authors who did
 * not see the importer's code (src/test/resources/sim-corpus, each set's README says what it
 * covers). The second set was read only after the importer had been tuned on the first and on the
 * corpus. Scored as {@link CorpusScoreTest} scores the corpus; the bounds are what the importer
 * reaches now, so that it does not fall back.
 */
class SimulatedCorpusScoreTest {

    @ParameterizedTest
    @ValueSource(strings = {"set-1", "set-2"})
    void causesAndTheirGroupingsAreFoundOnPagesOfOtherLayouts(String set) throws Exception {
        Path corpus = Path.of("src/test/resources/sim-corpus", set);
        Path work = Files.createDirectories(Path.of("target/sim-corpus-score", set));
        List<List<CorpusChecker.Score>> both = CorpusScoreTest.scoreBothWays(corpus, work);
        String table = CorpusScoreTest.table(set + " as stored", both.get(0));
        Files.writeString(work.resolve("score.md"), table);
        for (List<CorpusChecker.Score> scores : both) {
            double f1 = CorpusScoreTest.meanF1(scores);
            double categories = CorpusScoreTest.categoryShare(scores);
            assertTrue(f1 >= 0.95 && categories >= 0.85, String.format(Locale.ROOT,
                    "mean cause F1 %.3f, categories right %.3f%n%s", f1, categories, table));
        }
    }
}
