package org.symptomgraph.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.symptomgraph.rdf.Vocab;
import org.symptomgraph.testing.Cli;

/**
 * Imports every page of the development corpus ({@code ../shared/corpus/pages}) with the command
 * line, as a user would, and scores each page's graph against its expected facts
 * ({@link CorpusChecker}): twice, once as the pages are stored (with their {@code SOURCE:} line) and
 * once with the text alone, named by the page's file name. The per-page table is written to
 * {@code target/corpus-score.md} (docs/importer.md shows it).
 */
class CorpusScoreTest {

    /** The development corpus; {@code -Dcorpus=DIR} scores another folder of the same layout. */
    static final Path CORPUS = Path.of(System.getProperty("corpus", "../shared/corpus"));

    private static List<CorpusChecker.Score> withSource;
    private static List<CorpusChecker.Score> textOnly;

    @BeforeAll
    static void importCorpus() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS.resolve("pages")), "../shared/corpus is not beside this checkout");
        Path work = Files.createDirectories(Path.of("target/corpus-score"));
        List<List<CorpusChecker.Score>> both = scoreBothWays(CORPUS, work);
        withSource = both.get(0);
        textOnly = both.get(1);
        Files.writeString(work.resolve("../corpus-score.md"), table("As stored (with the SOURCE line)", withSource)
                + "\n" + table("Text only (the page's text, named by its file)", textOnly));
    }

    /**
     * A corpus imported twice, as stored and as text alone (the part below the {@code SOURCE:} line,
     * under the same file name), each page's graph scored against its expected facts.
     */
    static List<List<CorpusChecker.Score>> scoreBothWays(Path corpus, Path work) throws IOException {
        Path stripped = Files.createDirectories(work.resolve("text-only"));
        try (Stream<Path> old = Files.list(stripped)) {
            for (Path f : old.toList()) {
                Files.delete(f);
            }
        }
        try (Stream<Path> pages = Files.list(corpus.resolve("pages"))) {
            for (Path page : pages.toList()) {
                String text = Files.readString(page);
                Files.writeString(stripped.resolve(page.getFileName()), text.substring(text.indexOf("\n\n") + 2));
            }
        }
        return List.of(score(corpus, corpus.resolve("pages"), work.resolve("with-source.trig")),
                score(corpus, stripped, work.resolve("text-only.trig")));
    }

    private static List<CorpusChecker.Score> score(Path corpus, Path pages, Path out) throws IOException {
        Cli.Run run = Cli.run("import", pages.toString(), "--out", out.toString());
        if (run.status() != 0) {
            System.out.println(run.err()); // a page the importer refuses scores nothing
        }
        Dataset ds = RDFDataMgr.loadDataset(out.toString());
        List<CorpusChecker.Score> scores = new ArrayList<>();
        try (Stream<Path> files = Files.list(corpus.resolve("expected"))) {
            for (Path json : files.sorted().toList()) {
                CorpusChecker.Expected expected = CorpusChecker.Expected.read(json);
                scores.add(CorpusChecker.score(expected, ds, graphOf(ds, expected.slug() + ".txt")));
            }
        }
        return scores;
    }

    private static String graphOf(Dataset ds, String file) {
        String q = Vocab.SPARQL_PREFIXES + "SELECT ?g { GRAPH ?g { ?g prov:wasDerivedFrom ?d . ?d sg:sourceFile \""
                + file + "\" } }";
        try (QueryExecution qe = QueryExecution.dataset(ds).query(q).build()) {
            var rows = qe.execSelect();
            return rows.hasNext() ? rows.next().getResource("g").getURI() : "urn:x-symptomgraph:not-imported:" + file;
        }
    }

    static String table(String title, List<CorpusChecker.Score> scores) {
        StringBuilder b = new StringBuilder("### " + title + "\n\n");
        b.append("| page | causes | found | extra | P | R | F1 | categories right | symptom | date |\n");
        b.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (CorpusChecker.Score s : scores) {
            b.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.2f | %.2f | %.2f | %d/%d | %s%s | %s%s |%n",
                    s.slug(), s.expectedCauses(), s.found(), s.unexpected(), s.precision(), s.recall(), s.f1(),
                    s.categoriesRight(), s.categories(), s.symptomRight() ? "" : "**wrong:** ", s.symptom(),
                    s.dateRight() ? "" : "**wrong:** ", s.date() == null ? "none" : s.date()));
        }
        b.append(String.format(Locale.ROOT, "%nMean cause F1 %.3f; categories right %.3f (%d of %d); symptom right %d/%d; "
                + "date right %d/%d.%n", meanF1(scores), categoryShare(scores),
                scores.stream().mapToInt(CorpusChecker.Score::categoriesRight).sum(),
                scores.stream().mapToInt(CorpusChecker.Score::categories).sum(),
                scores.stream().filter(CorpusChecker.Score::symptomRight).count(), scores.size(),
                scores.stream().filter(CorpusChecker.Score::dateRight).count(), scores.size()));
        b.append("\nWhat is still missed, by page:\n\n");
        for (CorpusChecker.Score s : scores) {
            if (s.missed().isEmpty() && s.extra().isEmpty() && s.wrongCategories().isEmpty()
                    && s.nonCausesEmitted().isEmpty() && s.leaked().isEmpty()) {
                continue;
            }
            b.append("- **").append(s.slug()).append("**");
            if (!s.missed().isEmpty()) {
                b.append(" missed: ").append(s.missed()).append(';');
            }
            if (!s.extra().isEmpty()) {
                b.append(" unexpected: ").append(s.extra()).append(';');
            }
            if (!s.wrongCategories().isEmpty()) {
                b.append(" categories: ").append(s.wrongCategories()).append(';');
            }
            if (!s.nonCausesEmitted().isEmpty()) {
                b.append(" non-causes emitted: ").append(s.nonCausesEmitted()).append(';');
            }
            if (!s.leaked().isEmpty()) {
                b.append(" boilerplate in the graph: ").append(s.leaked()).append(';');
            }
            b.append('\n');
        }
        return b.toString();
    }

    static double meanF1(List<CorpusChecker.Score> scores) {
        return scores.stream().mapToDouble(CorpusChecker.Score::f1).average().orElse(0);
    }

    static double categoryShare(List<CorpusChecker.Score> scores) {
        return scores.stream().mapToInt(CorpusChecker.Score::categoriesRight).sum()
                / (double) scores.stream().mapToInt(CorpusChecker.Score::categories).sum();
    }

    /** The targets the importer is held to, on the pages as stored and as text alone. */
    static final double MIN_MEAN_CAUSE_F1 = 0.97;
    static final double MIN_CATEGORIES_RIGHT = 0.9;

    @Test
    void causesAreFoundAndNothingElseIs() {
        for (List<CorpusChecker.Score> scores : List.of(withSource, textOnly)) {
            assertTrue(meanF1(scores) >= MIN_MEAN_CAUSE_F1, String.format(Locale.ROOT, "mean cause F1 %.3f%n%s",
                    meanF1(scores), table("scores", scores)));
        }
    }

    @Test
    void groupingsTheirNamesAndFrequenciesAreRight() {
        for (List<CorpusChecker.Score> scores : List.of(withSource, textOnly)) {
            assertTrue(categoryShare(scores) >= MIN_CATEGORIES_RIGHT, String.format(Locale.ROOT,
                    "categories right %.3f%n%s", categoryShare(scores), table("scores", scores)));
        }
    }

    @Test
    void everySymptomIsNamedAndEveryDateFound() {
        for (List<CorpusChecker.Score> scores : List.of(withSource, textOnly)) {
            assertEquals(List.of(), scores.stream().filter(s -> !s.symptomRight()).map(s -> s.slug() + ": " + s.symptom())
                    .toList(), "symptoms named wrong");
            assertEquals(List.of(), scores.stream().filter(s -> !s.dateRight()).map(s -> s.slug() + ": " + s.date())
                    .toList(), "dates wrong");
        }
    }

    @Test
    void noNonCauseAndNoBoilerplateReachesTheGraph() {
        for (List<CorpusChecker.Score> scores : List.of(withSource, textOnly)) {
            assertEquals(List.of(), scores.stream().flatMap(s -> s.nonCausesEmitted().stream().map(n -> s.slug() + ": " + n))
                    .toList(), "terms the page lists but not as causes");
            assertEquals(List.of(), scores.stream().flatMap(s -> s.leaked().stream().map(n -> s.slug() + ": " + n)).toList(),
                    "boilerplate words in the graph");
        }
    }

    @Test
    void theWholeCorpusIsScored() {
        try (Stream<Path> expected = Files.list(CORPUS.resolve("expected"))) {
            assertEquals(expected.count(), withSource.size(), "every page of " + CORPUS + " is scored");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertEquals(withSource.size(), textOnly.size());
    }
}
