package org.symptomgraph.links;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.symptomgraph.links.Vocabularies.Vocabulary;

/**
 * The vocabulary tables of {@code data/vocab/} (shipped in the jar as {@code vocab/}), read once and
 * indexed by the {@link NameNormaliser} key of every label and synonym: Human Disease Ontology
 * terms with their cross-references, Symptom Ontology terms, and CPIC's drug table.
 *
 * <p>Exact synonyms that {@code doubtful-synonyms.tsv} lists are left out: DO's own "exact"
 * synonyms are sometimes broader or narrower than their term (the table says which and why).
 * {@code added-synonyms.tsv} gives a few names the tables lack for a term that means the same
 * ("lymphocytopenia" for lymphopenia), each with its reason; they match as exact synonyms do.
 */
public final class VocabularyIndex {

    /** The table of DOID cross-references. */
    public static final String DOID_XREFS = "doid-xrefs.tsv";

    /** Where the tables are, on the class path. */
    public static final String RESOURCE_FOLDER = "vocab/";

    /** One table of terms. */
    public enum Table {
        DOID("doid-terms.tsv"), SYMP("symp-terms.tsv"), DRUGS("drugs.tsv");

        private final String file;

        Table(String file) {
            this.file = file;
        }

        public String file() {
            return file;
        }
    }

    /** Which cell of the table a name comes from. */
    public enum Scope { LABEL, EXACT_SYNONYM, ADDED_SYNONYM, RELATED_SYNONYM }

    /** An identifier of another vocabulary that a term's row gives, and how the row relates it (a SKOS name, or empty). */
    public record CrossReference(Vocabulary vocabulary, String id, String skosMapping) {
    }

    /**
     * One term.
     *
     * @param table      the table it is a row of
     * @param vocabulary the vocabulary of its identifier (DOID, SYMP; RxNorm, ATC, MeSH or MedDRA for a drug row)
     * @param id         its identifier, as {@link Vocabularies} accepts it
     * @param label      its label
     * @param crossReferences the other identifiers its row gives
     */
    public record Term(Table table, Vocabulary vocabulary, String id, String label, List<CrossReference> crossReferences) {
    }

    /** A label or synonym of a term, as the table writes it. */
    public record Name(Term term, Scope scope, String text) {
    }

    /** The release of a table and the file it was read from (sources.tsv). */
    public record Source(String table, String vocabulary, String release, String repository, String commit, String path,
            String licence) {

        /** The permanent address of the file at the commit it was read at. */
        public String url() {
            return "https://github.com/" + repository + "/blob/" + commit + "/" + path;
        }
    }

    /** Cross-references followed from a DOID term: its MeSH, UMLS, ICD-10-CM and NCIt identifiers. */
    private static final Map<String, String> DOID_CROSSWALKS = Map.of("MESH", "MeSH", "UMLS_CUI", "UMLS",
            "ICD10CM", "ICD-10-CM", "NCI", "NCIT");

    private final Map<Table, Map<String, List<Name>>> byKey = new HashMap<>();
    private final Map<Table, Map<String, List<Name>>> byKeyWithoutSuffix = new HashMap<>();
    private final Map<String, Term> byId = new HashMap<>();
    private final Map<String, Source> sources = new LinkedHashMap<>();

    private VocabularyIndex() {
        for (Table t : Table.values()) {
            byKey.put(t, new HashMap<>());
            byKeyWithoutSuffix.put(t, new HashMap<>());
        }
    }

    private static volatile VocabularyIndex shipped;

    /** The tables shipped in the jar, read on first use and then shared (the index is read-only). */
    public static VocabularyIndex shipped() {
        VocabularyIndex index = shipped;
        if (index == null) {
            synchronized (VocabularyIndex.class) {
                index = shipped;
                if (index == null) {
                    index = load();
                    shipped = index;
                }
            }
        }
        return index;
    }

    private static VocabularyIndex load() {
        VocabularyIndex index = new VocabularyIndex();
        read("sources.tsv", row -> index.sources.put(row[0],
                new Source(row[0], row[1], row[2], row[3], row[4], row[5], row[6])));
        Set<String> doubtful = new HashSet<>();
        read("doubtful-synonyms.tsv", row -> doubtful.add(row[0] + "\t" + NameNormaliser.key(row[1])));
        Map<String, List<CrossReference>> xrefs = new HashMap<>();
        read(DOID_XREFS, row -> {
            String prefix = row[1].substring(0, row[1].indexOf(':'));
            String vocabulary = DOID_CROSSWALKS.get(prefix);
            if (vocabulary != null) {
                Vocabulary v = Vocabularies.byName(vocabulary).orElseThrow();
                if (v.accepts(row[1])) {  // ICD-10-CM ranges (A00-A09) and malformed codes are no identifiers
                    xrefs.computeIfAbsent(row[0], k -> new ArrayList<>()).add(new CrossReference(v, row[1], cell(row, 2)));
                }
            }
        });
        Vocabulary doid = Vocabularies.byName("DOID").orElseThrow();
        read(Table.DOID.file(), row -> index.add(new Term(Table.DOID, doid, row[0], row[1],
                List.copyOf(xrefs.getOrDefault(row[0], List.of()))), row[2], row[3], doubtful));
        Vocabulary symp = Vocabularies.byName("SYMP").orElseThrow();
        read(Table.SYMP.file(), row -> index.add(new Term(Table.SYMP, symp, row[0], row[1], List.of()), row[2],
                cell(row, 5), doubtful));
        read(Table.DRUGS.file(), row -> index.add(drug(row), "", "", doubtful));
        read("added-synonyms.tsv", row -> {
            Term term = index.byId.get(row[0]);
            if (term == null) {
                throw new IllegalStateException(RESOURCE_FOLDER + "added-synonyms.tsv: no term " + row[0]);
            }
            index.name(new Name(term, Scope.ADDED_SYNONYM, row[1]));
        });
        return index;
    }

    /**
     * A drug row: identified by CPIC's own key (an RxNorm ingredient, an ATC class, a MeSH concept or
     * a MedDRA term), with its other identifiers (RxNorm, DrugBank, PharmGKB, ATC) as cross-references.
     */
    private static Term drug(String[] row) {
        String key = row[6];
        String keyPrefix = key.substring(0, key.indexOf(':'));
        String local = key.substring(key.indexOf(':') + 1);
        Vocabulary vocabulary = Vocabularies.byName(switch (keyPrefix) {
            case "RxNorm" -> "RxNorm";
            case "ATC" -> "ATC";
            case "MeSH" -> "MeSH";
            case "MedDRA" -> "MedDRA";
            default -> throw new IllegalStateException("drugs.tsv: unknown key " + key);
        }).orElseThrow();
        String id = switch (keyPrefix) {
            case "ATC" -> local;
            case "MeSH" -> "MESH:" + local;
            case "MedDRA" -> "MEDDRA:" + local;
            default -> key;
        };
        List<CrossReference> refs = new ArrayList<>();
        if (!row[1].isEmpty() && !row[1].equals(id)) {
            refs.add(new CrossReference(Vocabularies.byName("RxNorm").orElseThrow(), row[1], "exactMatch"));
        }
        if (!row[2].isEmpty()) {
            refs.add(new CrossReference(Vocabularies.byName("DrugBank").orElseThrow(), row[2], "exactMatch"));
        }
        if (!row[5].isEmpty()) {
            refs.add(new CrossReference(Vocabularies.byName("PharmGKB").orElseThrow(), row[5], "exactMatch"));
        }
        // An ATC code classifies a substance for one use (N03AB02: phenytoin as an antiepileptic): close.
        for (String atc : row[3].isEmpty() ? new String[0] : row[3].split(" \\| ")) {
            if (!atc.equals(id)) {
                refs.add(new CrossReference(Vocabularies.byName("ATC").orElseThrow(), atc, "closeMatch"));
            }
        }
        return new Term(Table.DRUGS, vocabulary, id, row[0], List.copyOf(refs));
    }

    private void add(Term term, String exact, String related, Set<String> doubtful) {
        byId.put(term.id(), term);
        name(new Name(term, Scope.LABEL, term.label()));
        for (String s : split(exact)) {
            if (!doubtful.contains(term.id() + "\t" + NameNormaliser.key(s))) {
                name(new Name(term, Scope.EXACT_SYNONYM, s));
            }
        }
        for (String s : split(related)) {
            name(new Name(term, Scope.RELATED_SYNONYM, s));
        }
    }

    private void name(Name name) {
        String key = NameNormaliser.key(name.text());
        if (key.isEmpty()) {
            return;
        }
        byKey.get(name.term().table()).computeIfAbsent(key, k -> new ArrayList<>()).add(name);
        String bare = NameNormaliser.withoutSuffix(key);
        if (!bare.isEmpty()) {
            byKeyWithoutSuffix.get(name.term().table()).computeIfAbsent(bare, k -> new ArrayList<>()).add(name);
        }
    }

    /** The names of the table whose key is {@code key}. */
    public List<Name> lookup(Table table, String key) {
        return byKey.get(table).getOrDefault(key, List.of());
    }

    /** Every key of a table's names (for checking a rule against the tables). */
    Set<String> keys(Table table) {
        return java.util.Collections.unmodifiableSet(byKey.get(table).keySet());
    }

    /** The names of the table that end in "disease" or "syndrome" and whose key without it is {@code key}. */
    public List<Name> lookupWithoutSuffix(Table table, String key) {
        return byKeyWithoutSuffix.get(table).getOrDefault(key, List.of());
    }

    /** The term of an identifier (as the table writes it), or null. */
    public Term term(String id) {
        return byId.get(id);
    }

    /** Every term of the tables. */
    public java.util.Collection<Term> terms() {
        return java.util.Collections.unmodifiableCollection(byId.values());
    }

    /** The release and origin of one of the tables, by file name (sources.tsv). */
    public Source source(String file) {
        Source s = sources.get(file);
        if (s == null) {
            throw new IllegalStateException(RESOURCE_FOLDER + "sources.tsv says nothing of " + file);
        }
        return s;
    }

    private static List<String> split(String cell) {
        return cell.isEmpty() ? List.of() : Arrays.asList(cell.split(" \\| "));
    }

    private static String cell(String[] row, int i) {
        return i < row.length ? row[i] : "";
    }

    /** Reads a tab-separated table of the folder, header skipped; fields are never quoted. */
    private static void read(String file, Consumer<String[]> row) {
        String resource = RESOURCE_FOLDER + file;
        try (InputStream in = VocabularyIndex.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the vocabulary table " + resource + " is not on the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty()) {
                    row.accept(line.split("\t", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
