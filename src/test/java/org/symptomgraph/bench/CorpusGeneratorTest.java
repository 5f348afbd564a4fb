package org.symptomgraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.shacl.ValidationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symptomgraph.bench.CorpusGenerator.GeneratedPage;
import org.symptomgraph.bench.CorpusGenerator.Layout;
import org.symptomgraph.importer.ImportedDocument;
import org.symptomgraph.importer.Importer;
import org.symptomgraph.rdf.ShapesValidator;

/** The generated corpus: deterministic, of the family's layouts, long-tailed, and read right by the importer. */
class CorpusGeneratorTest {

    /** The seed the folder import test uses too. */
    static final long SEED = 20230526L;
    static final int PAGES = 1000;
    /** The shapes check one page in this many. */
    static final int SHAPES_EVERY = 10;

    @Test
    void aPageIsAFunctionOfTheSeedAndItsNumberOnly() {
        CorpusGenerator a = new CorpusGenerator(SEED);
        CorpusGenerator b = new CorpusGenerator(SEED);
        GeneratedPage late = b.page(777);
        assertEquals(a.page(777), late, "the same page without making pages 0..776 first");
        assertEquals(a.page(3), b.page(3));
        assertNotEquals(a.page(3).content(), new CorpusGenerator(SEED + 1).page(3).content());
        assertNotEquals(a.page(3).content(), a.page(4).content());
    }

    @Test
    void writeMakesAFolderTreeOfExactlyThosePages(@TempDir Path dir) throws Exception {
        CorpusGenerator.write(dir, 120, SEED);
        CorpusGenerator g = new CorpusGenerator(SEED);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertEquals(120, files.size());
        assertEquals(2, files.stream().map(f -> dir.relativize(f).getName(0)).distinct().count(), "000/ and 001/");
        for (int i = 0; i < 120; i++) {
            GeneratedPage p = g.page(i);
            assertEquals(p.content(), Files.readString(dir.resolve(p.path()), StandardCharsets.UTF_8), p.path());
        }
    }

    @Test
    void theCorpusHasTheFamilysLayoutsAndALongTail() {
        CorpusGenerator g = new CorpusGenerator(SEED);
        assertTrue(g.vocabularySize() >= 3000, "a few thousand names: " + g.vocabularySize());
        Map<Layout, Integer> layouts = new EnumMap<>(Layout.class);
        Map<String, Integer> pagesPerCause = new HashMap<>();
        int minCategories = Integer.MAX_VALUE;
        int maxCategories = 0;
        int minCauses = Integer.MAX_VALUE;
        int maxCauses = 0;
        int nested = 0;
        int inferred = 0;
        int brands = 0;
        int undated = 0;
        for (int i = 0; i < PAGES; i++) {
            GeneratedPage p = g.page(i);
            layouts.merge(p.layout(), 1, Integer::sum);
            int categories = (int) p.allCategories().stream().filter(c -> !c.causes().isEmpty()
                    || !c.children().isEmpty()).count();
            minCategories = Math.min(minCategories, categories);
            maxCategories = Math.max(maxCategories, categories);
            int causes = p.allCauses().size();
            minCauses = Math.min(minCauses, causes);
            maxCauses = Math.max(maxCauses, causes);
            nested += p.categories().stream().anyMatch(c -> !c.children().isEmpty()) ? 1 : 0;
            inferred += p.allCategories().stream().anyMatch(c -> c.inferred()) ? 1 : 0;
            brands += p.allCauses().stream().anyMatch(c -> !c.brands().isEmpty()) ? 1 : 0;
            undated += p.date().isEmpty() ? 1 : 0;
            p.allCauses().stream().map(c -> c.label()).distinct().forEach(l -> pagesPerCause.merge(l, 1, Integer::sum));
        }
        assertEquals(Layout.values().length, layouts.size(), layouts.toString());
        assertTrue(layouts.values().stream().allMatch(n -> n > PAGES / 10), layouts.toString());
        assertTrue(minCategories >= 3 && maxCategories <= 14, minCategories + ".." + maxCategories);
        assertTrue(minCauses >= 5 && maxCauses <= 61 && maxCauses > 50, minCauses + ".." + maxCauses);
        assertEquals(PAGES, nested, "every page nests categories");
        assertTrue(inferred > PAGES / 5, "intro lists with a missing heading: " + inferred);
        assertTrue(brands > PAGES / 2, "drugs with brand names: " + brands);
        assertTrue(undated > 0 && undated < PAGES / 5, "undated: " + undated);
        // Long-tailed: the most common causes are on a good part of the pages, most causes on few.
        List<Integer> counts = new ArrayList<>(pagesPerCause.values());
        counts.sort(null);
        assertTrue(counts.get(counts.size() - 1) > PAGES / 5, "most shared cause: " + counts.get(counts.size() - 1));
        assertTrue(counts.get(counts.size() / 2) <= 5, "median pages per cause: " + counts.get(counts.size() / 2));
        assertTrue(pagesPerCause.size() > 2000, "distinct causes: " + pagesPerCause.size());
    }

    /**
     * Every page of the corpus is read exactly as generated — symptom, date, mechanism, category tree,
     * every cause with brands, other names, line and evidence — with the warnings the page should
     * give; and the graphs of one page in {@value #SHAPES_EVERY} (of every layout) pass the shapes.
     * Checking a graph against the shapes (their SPARQL constraints) takes three times as long as
     * reading its page, and a graph's shape depends on the page's layout and structure, not on which
     * made-up names it holds.
     */
    @Test
    void everyGeneratedPageReadsAsGeneratedAndItsGraphConforms() throws Exception {
        CorpusGenerator g = new CorpusGenerator(SEED);
        Importer importer = Importer.create().build();
        ShapesValidator shapes = new ShapesValidator();
        List<String> wrong = new ArrayList<>();
        Set<Layout> validated = EnumSet.noneOf(Layout.class);
        for (int i : IntStream.range(0, PAGES).toArray()) {
            GeneratedPage p = g.page(i);
            ImportedDocument r = importer.read(p.path(), p.content().getBytes(StandardCharsets.UTF_8));
            String expected = GeneratedPages.expected(p);
            String actual = GeneratedPages.actual(r.document());
            if (!expected.equals(actual) || r.warnings().size() != p.warnings()) {
                wrong.add(p.path() + " (" + p.layout() + ")\nexpected:\n" + expected + "read:\n" + actual
                        + "warnings: " + r.warnings() + ", expected " + p.warnings());
                continue;
            }
            if (i % SHAPES_EVERY != 0) {
                continue;
            }
            validated.add(p.layout());
            Model m = r.graph().model();
            ValidationReport report = shapes.validate(m.getGraph());
            if (!report.conforms()) {
                wrong.add(p.path() + ": " + ShapesValidator.describe(report, m.getGraph()));
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " page(s) wrong; the first:\n"
                + (wrong.isEmpty() ? "" : wrong.get(0)));
        assertEquals(EnumSet.allOf(Layout.class), validated, "the shapes checked pages of every layout");
    }
}
