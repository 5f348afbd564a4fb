package org.symptomgraph.links;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.symptomgraph.rdf.DocumentGraph;
import org.symptomgraph.rdf.Iris;
import org.symptomgraph.testing.Fixtures;

/**
 * Coverage of lexical linking over the 21 pages of ../shared/corpus, read by whatever importer
 * the build has: which distinct causes and symptoms get a DOID, SYMP or drug identifier. Writes
 * target/linking-coverage.md (per page and overall) and target/linking-sample.tsv, a seeded sample
 * of 50 links for checking by hand (docs/linking.md has the checked sample). Re-run it after the
 * importer changes: {@code mvn -q -Dtest=CorpusLinkingReport test}.
 */
class CorpusLinkingReport {

    private static final Path PAGES = Path.of("../shared/corpus/pages");
    private static final long SEED = 12;

    @Test
    void coverageOverTheCorpus() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(PAGES), "../shared/corpus beside the project");
        Iris iris = new Iris(Iris.DEFAULT_BASE);
        Linker linker = new Linker(VocabularyIndex.shipped(), iris);
        List<Path> pages;
        try (Stream<Path> s = Files.list(PAGES)) {
            pages = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        Map<String, String> causes = new TreeMap<>();    // entity -> "" or its link
        Map<String, String> symptoms = new TreeMap<>();
        StringBuilder table = new StringBuilder("| page | causes | linked | symptom linked |\n|---|---:|---:|---|\n");
        for (Path page : pages) {
            DocumentGraph g = Fixtures.graph(page);
            List<Linker.Candidate> links = linker.candidates(g.model(), false);
            int pageCauses = 0;
            int pageLinked = 0;
            String symptomLinked = "no";
            for (Map.Entry<org.apache.jena.rdf.model.Resource, Linker.Kind> e : Linker.entities(g.model()).entrySet()) {
                String iri = e.getKey().getURI();
                String link = links.stream().filter(c -> c.entity().equals(iri)).findFirst()
                        .map(c -> c.term().id() + " '" + c.term().label() + "' (" + c.predicate().getLocalName() + ", via '"
                                + c.matched().text() + "')").orElse("");
                String label = e.getKey().getProperty(org.apache.jena.vocabulary.RDFS.label).getString();
                if (e.getValue() == Linker.Kind.SYMPTOM) {
                    symptoms.put(label + "\t" + iri, link);
                    symptomLinked = link.isEmpty() ? "no" : link;
                } else {
                    causes.put(label + "\t" + iri, link);
                    pageCauses++;
                    pageLinked += link.isEmpty() ? 0 : 1;
                }
            }
            table.append("| ").append(page.getFileName()).append(" | ").append(pageCauses).append(" | ")
                    .append(pageLinked).append(" | ").append(symptomLinked).append(" |\n");
        }
        long linkedCauses = causes.values().stream().filter(v -> !v.isEmpty()).count();
        long linkedSymptoms = symptoms.values().stream().filter(v -> !v.isEmpty()).count();
        String summary = String.format(Locale.ROOT, "distinct causes: %d, linked %d (%.1f %%); distinct symptoms: %d, "
                + "linked %d", causes.size(), linkedCauses, 100.0 * linkedCauses / causes.size(), symptoms.size(),
                linkedSymptoms);
        StringBuilder report = new StringBuilder("# Lexical linking over ../shared/corpus\n\n").append(summary)
                .append("\n\n").append(table).append("\n## Distinct causes\n\n");
        causes.forEach((k, v) -> report.append("- ").append(k.substring(0, k.indexOf('\t'))).append(": ")
                .append(v.isEmpty() ? "-" : v).append('\n'));
        report.append("\n## Distinct symptoms\n\n");
        symptoms.forEach((k, v) -> report.append("- ").append(k.substring(0, k.indexOf('\t'))).append(": ")
                .append(v.isEmpty() ? "-" : v).append('\n'));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/linking-coverage.md"), report);
        System.out.println(summary);

        // The sample to check by hand: 50 distinct links, drawn with a fixed seed.
        List<String> linked = new ArrayList<>(new TreeSet<>(Stream.concat(causes.entrySet().stream(),
                symptoms.entrySet().stream()).filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey().substring(0, e.getKey().indexOf('\t')) + "\t" + e.getValue()).toList()));
        Collections.shuffle(linked, new Random(SEED));
        Files.write(Path.of("target/linking-sample.tsv"), linked.subList(0, Math.min(50, linked.size())));
        // A floor well under today's figure, so that an importer or linker change that loses links shows.
        assertTrue(linkedCauses >= 0.40 * causes.size(), summary);
    }
}
