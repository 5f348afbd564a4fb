package org.symptomgraph.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.symptomgraph.rdf.DocumentGraph;
import org.symptomgraph.rdf.Iris;
import org.symptomgraph.testing.Fixtures;

/**
 * Lexical linking over the 21 pages of ../shared/corpus, scored against a hand-judged table
 * ({@code src/test/resources/linking/corpus-gold.tsv}: for every distinct cause and symptom of the
 * corpus, the identifiers in the shipped vocabulary tables that name it, or {@code -} where none
 * does, with the reason). Asserts the targets: at least 75 % of the causes the tables name
 * linked to a right identifier, every symptom they name linked, and at least 95 % of all automatic
 * links right. Writes target/linking-coverage.md (per page, every entity with its link and verdict)
 * and target/linking-sample.tsv (a seeded sample of 50 links, checked by hand in docs/linking.md):
 * {@code mvn -q -Dtest=CorpusLinkingReport -Dsurefire.failIfNoSpecifiedTests=false test}.
 */
class CorpusLinkingReport {

    private static final Path PAGES = Path.of("../shared/corpus/pages");
    static final Path GOLD = Path.of("src/test/resources/linking/corpus-gold.tsv");
    private static final long SEED = 12;

    /** Entities the importer may name that the gold table has not judged yet, before the test fails. */
    private static final int MAX_UNJUDGED = 5;

    /** One judged entity: its label, kind, the identifiers that name it (empty: none does), and why. */
    record Judgement(String label, Linker.Kind kind, Set<String> identifiers, String reason) {
        boolean named() {
            return !identifiers.isEmpty();
        }
    }

    static Map<String, Judgement> gold() throws IOException {
        Map<String, Judgement> gold = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(GOLD);
        assertEquals("entity_label\tkind\tidentifiers\treason", lines.get(0), GOLD + ": header");
        for (int i = 1; i < lines.size(); i++) {
            String[] row = lines.get(i).split("\t", -1);
            String where = GOLD + ":" + (i + 1);
            assertEquals(4, row.length, where + ": four columns");
            assertFalse(row[3].isBlank(), where + ": a reason");
            Set<String> ids = row[2].equals("-") ? Set.of() : Set.of(row[2].split(" "));
            Judgement j = new Judgement(row[0], Linker.Kind.valueOf(row[1].toUpperCase(Locale.ROOT)), ids, row[3]);
            assertTrue(gold.put(row[0], j) == null, where + ": " + row[0] + " judged twice");
        }
        return gold;
    }

    /** The table itself, without the corpus: every identifier is a term of the shipped tables. */
    @Test
    void theGoldTableNamesTermsOfTheShippedTables() throws Exception {
        Map<String, Judgement> gold = gold();
        VocabularyIndex index = VocabularyIndex.shipped();
        for (Judgement j : gold.values()) {
            for (String id : j.identifiers()) {
                assertNotNull(index.term(id), GOLD + ": " + j.label() + ": " + id + " is no term of data/vocab");
            }
        }
        assertTrue(gold.values().stream().filter(Judgement::named).count() >= 100, "the judged causes and symptoms");
    }

    @Test
    void coverageAndPrecisionOverTheCorpus() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(PAGES), "../shared/corpus beside the project");
        Map<String, Judgement> gold = gold();
        Linker linker = new Linker(VocabularyIndex.shipped(), new Iris(Iris.DEFAULT_BASE));
        List<Path> pages;
        try (Stream<Path> s = Files.list(PAGES)) {
            pages = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        Map<String, Scored> entities = new TreeMap<>();  // label and IRI -> its link and verdict
        StringBuilder table = new StringBuilder("| page | causes | named | linked right | symptom |\n|---|---:|---:|---:|---|\n");
        for (Path page : pages) {
            DocumentGraph g = Fixtures.graph(page);
            List<Linker.Candidate> links = linker.candidates(g.model(), false);
            int causes = 0;
            int named = 0;
            int right = 0;
            String symptom = "";
            for (Map.Entry<Resource, Linker.Kind> e : Linker.entities(g.model()).entrySet()) {
                String iri = e.getKey().getURI();
                String label = e.getKey().getProperty(RDFS.label).getString();
                Linker.Candidate link = links.stream().filter(c -> c.entity().equals(iri)).findFirst().orElse(null);
                Scored s = new Scored(label, e.getValue(), gold.get(label), link);
                entities.put(label + "\t" + iri, s);
                if (e.getValue() == Linker.Kind.SYMPTOM) {
                    symptom = label + ": " + s.verdict();
                } else {
                    causes++;
                    named += s.named() ? 1 : 0;
                    right += s.right() ? 1 : 0;
                }
            }
            table.append("| ").append(page.getFileName()).append(" | ").append(causes).append(" | ").append(named)
                    .append(" | ").append(right).append(" | ").append(symptom).append(" |\n");
        }

        List<Scored> unjudged = entities.values().stream().filter(s -> s.judgement() == null).toList();
        List<Scored> judged = entities.values().stream().filter(s -> s.judgement() != null).toList();
        for (Scored s : judged) {
            assertEquals(s.judgement().kind(), s.kind(), GOLD + ": the kind of " + s.label());
        }
        List<Scored> causes = judged.stream().filter(s -> s.kind() != Linker.Kind.SYMPTOM).toList();
        List<Scored> symptoms = judged.stream().filter(s -> s.kind() == Linker.Kind.SYMPTOM).toList();
        long namedCauses = causes.stream().filter(Scored::named).count();
        long rightCauses = causes.stream().filter(Scored::right).count();
        long namedSymptoms = symptoms.stream().filter(Scored::named).count();
        long rightSymptoms = symptoms.stream().filter(Scored::right).count();
        List<Scored> linked = judged.stream().filter(s -> s.link() != null).toList();
        long rightLinks = linked.stream().filter(Scored::right).count();
        double coverage = (double) rightCauses / namedCauses;
        double precision = (double) rightLinks / linked.size();
        String summary = String.format(Locale.ROOT, "distinct causes %d, named by the tables %d, linked right %d "
                        + "(coverage %.3f); distinct symptoms %d, named %d, linked right %d; automatic links %d, right %d "
                        + "(precision %.3f); unjudged %d", causes.size(), namedCauses, rightCauses, coverage,
                symptoms.size(), namedSymptoms, rightSymptoms, linked.size(), rightLinks, precision, unjudged.size());

        StringBuilder report = new StringBuilder("# Lexical linking over ../shared/corpus\n\n").append(summary)
                .append("\n\nJudged against ").append(GOLD).append(".\n\n").append(table)
                .append("\n## Every entity (label: link, verdict)\n\n");
        entities.values().forEach(s -> report.append("- ").append(s.label()).append(" (").append(s.kind())
                .append("): ").append(s.describeLink()).append(" -- ").append(s.verdict()).append('\n'));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/linking-coverage.md"), report);
        System.out.println(summary);

        // The sample to check by hand: 50 distinct automatic links, drawn with a fixed seed.
        List<String> sample = new ArrayList<>(linked.stream().map(s -> s.label() + "\t" + s.describeLink()).distinct()
                .sorted().toList());
        Collections.shuffle(sample, new Random(SEED));
        Files.write(Path.of("target/linking-sample.tsv"), sample.subList(0, Math.min(50, sample.size())));

        assertTrue(unjudged.size() <= MAX_UNJUDGED, "judge these in " + GOLD + ": "
                + unjudged.stream().map(Scored::label).toList());
        assertTrue(coverage >= 0.75, summary + "\nnamed but not linked right: "
                + causes.stream().filter(s -> s.named() && !s.right()).map(Scored::label).toList());
        assertEquals(namedSymptoms, rightSymptoms, summary + "\nsymptoms named but not linked right: "
                + symptoms.stream().filter(s -> s.named() && !s.right()).map(Scored::label).toList());
        assertTrue(precision >= 0.95, summary + "\nwrong links: "
                + linked.stream().filter(s -> !s.right()).map(s -> s.label() + " -> " + s.describeLink()).toList());
    }

    /** An entity of the corpus with its automatic link (or null) and its judgement (or null). */
    record Scored(String label, Linker.Kind kind, Judgement judgement, Linker.Candidate link) {

        boolean named() {
            return judgement != null && judgement.named();
        }

        /** Linked, to an identifier the table says names it. */
        boolean right() {
            return link != null && judgement != null && judgement.identifiers().contains(link.term().id());
        }

        String describeLink() {
            return link == null ? "-" : link.term().id() + " '" + link.term().label() + "' ("
                    + link.predicate().getLocalName() + ", via '" + link.matched().text() + "')";
        }

        String verdict() {
            if (judgement == null) {
                return "not judged";
            }
            if (link == null) {
                return named() ? "missed (" + String.join(" ", new java.util.TreeSet<>(judgement.identifiers())) + ")"
                        : "rightly unlinked";
            }
            return right() ? "right" : "wrong (" + judgement.reason() + ")";
        }
    }
}
