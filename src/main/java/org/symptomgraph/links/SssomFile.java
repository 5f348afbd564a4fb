package org.symptomgraph.links;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.symptomgraph.links.Linker.Candidate;
import org.symptomgraph.links.Vocabularies.Vocabulary;
import org.symptomgraph.links.VocabularyIndex.Term;
import org.symptomgraph.rdf.DocumentGraph;
import org.symptomgraph.rdf.Iris;
import org.symptomgraph.rdf.SoftwareVersion;
import org.symptomgraph.rdf.Vocab;

/**
 * The curation file: SSSOM/TSV (https://mapping-commons.github.io/sssom/spec-model/), a YAML
 * metadata block in {@code #} lines and then one mapping a row.
 *
 * <p>{@code links suggest} writes the candidate links ({@link #write}), those import makes
 * ({@code semapv:LexicalMatching}, with the confidence it gives them) and those it does not (ties,
 * abbreviations, a table tried later, names that only share words), each with its score and a
 * comment. A curator keeps the rows they accept, sets their {@code mapping_justification} to
 * {@code semapv:ManualMappingCuration} (and may change the predicate, or write a comment), and
 * imports the file: its curated rows become a graph of their own ({@link #read}), and win over the
 * automatic links of the same entity and vocabulary ({@link CuratedPrecedence}). Other rows are
 * left out. Only identifiers of the vocabulary tables are accepted.
 */
public final class SssomFile {

    /** The extension that tells a curation file from a link table. */
    public static final String EXTENSION = ".sssom.tsv";

    public static final List<String> COLUMNS = List.of("subject_id", "subject_label", "predicate_id", "object_id",
            "object_label", "mapping_justification", "confidence", "subject_match_field", "object_match_field",
            "match_string", "object_source", "object_source_version", "comment");

    private static final String SEMAPV_CURIE = "semapv:";
    private static final Map<String, Property> PREDICATES = Map.of("skos:exactMatch", SKOS.exactMatch,
            "skos:closeMatch", SKOS.closeMatch, "skos:broadMatch", SKOS.broadMatch, "skos:narrowMatch", SKOS.narrowMatch);
    private static final String LANG = "en";

    private SssomFile() {
    }

    /** Whether a file is a curation file (by its name). */
    public static boolean isSssom(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(EXTENSION);
    }

    /** The prefix of the graph's own IRIs in the file. */
    private static final String SUBJECT_PREFIX = "sgr";

    /** Writes the candidates as SSSOM/TSV. */
    public static void write(List<Candidate> candidates, Iris iris, VocabularyIndex index, Writer out) throws IOException {
        Map<String, String> curies = new LinkedHashMap<>();
        curies.put(SUBJECT_PREFIX, iris.base());
        curies.put("skos", SKOS.getURI());
        curies.put("semapv", LinkGraph.SEMAPV);
        curies.put("rdfs", RDFS.getURI());
        curies.put("oboInOwl", "http://www.geneontology.org/formats/oboInOwl#");
        curies.put("sg", Vocab.SG);
        for (Candidate c : candidates) {
            curies.putIfAbsent(prefix(c.term()), c.term().vocabulary().iriPrefix());
        }
        out.write("# Candidate links of symptomgraph's entities to the vocabulary tables (links suggest).\n");
        out.write("# To curate: keep the rows you accept, set mapping_justification to semapv:ManualMappingCuration\n");
        out.write("# (change predicate_id or write a comment if need be), and import this file; other rows are ignored.\n");
        out.write("#mapping_set_id: " + iris.base() + "mappings/suggested\n");
        out.write("#mapping_tool: symptomgraph " + SoftwareVersion.VERSION + "\n");
        out.write("#license: https://creativecommons.org/publicdomain/zero/1.0/\n");
        out.write("#curie_map:\n");
        for (Map.Entry<String, String> e : curies.entrySet()) {
            out.write("#  " + e.getKey() + ": \"" + e.getValue() + "\"\n");
        }
        out.write(String.join("\t", COLUMNS) + "\n");
        for (Candidate c : candidates) {
            List<String> row = List.of(
                    SUBJECT_PREFIX + ":" + c.entity().substring(iris.base().length()),
                    clean(c.entityLabel()),
                    "skos:" + c.predicate().getLocalName(),
                    curie(c.term()),
                    clean(c.term().label()),
                    SEMAPV_CURIE + "LexicalMatching",
                    String.format(Locale.ROOT, "%.2f", c.score()),
                    c.nameField().equals(RDFS.label) ? "rdfs:label"
                            : c.nameField().equals(SKOS.altLabel) ? "skos:altLabel" : "sg:abbreviation",
                    switch (c.matched().scope()) {
                        case LABEL -> "rdfs:label";
                        case EXACT_SYNONYM -> "oboInOwl:hasExactSynonym";
                        case ADDED_SYNONYM -> "";  // the project's, not the vocabulary's: the comment says so
                        case RELATED_SYNONYM -> "oboInOwl:hasRelatedSynonym";
                    },
                    clean(c.key()),
                    c.term().vocabulary().registryIri(),
                    index.source(c.term().table().file()).release(),
                    clean((c.linked() ? "Linked at import" : "Not linked at import") + (c.note().isEmpty() ? "" : ": " + c.note())
                            + "; the page's name '" + c.name() + "', the table's '" + c.matched().text() + "'."));
            out.write(String.join("\t", row) + "\n");
        }
    }

    /** The curie of a term, in the form the tables write it (and {@link Vocabularies} accepts). */
    static String curie(Term term) {
        return term.vocabulary().name().equals("ATC") ? "ATC:" + term.id() : term.id();
    }

    private static String prefix(Term term) {
        String curie = curie(term);
        return curie.substring(0, curie.indexOf(':'));
    }

    private static String clean(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    /**
     * Reads a curation file: its rows marked {@code semapv:ManualMappingCuration} become curated
     * mappings, in the graph {@code {base}graph/links/{file name}}.
     *
     * @throws LinkTableException naming every bad row by file and line
     */
    public static Curated read(Path file, Iris iris, VocabularyIndex index) {
        String name = file.toString();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new LinkTableException(List.of(name + ": not UTF-8 text"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
        String setName = Iris.slug(file.getFileName().toString().substring(0,
                file.getFileName().toString().length() - EXTENSION.length()));
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefixes(Vocab.prefixes(iris.base()));
        List<String> problems = new ArrayList<>();
        Map<String, String> curies = new LinkedHashMap<>();
        List<String> header = null;
        int curated = 0;
        int ignored = 0;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = i == 0 && lines.get(0).startsWith("\uFEFF") ? lines.get(0).substring(1) : lines.get(i);
            String where = name + ":" + (i + 1);
            if (line.startsWith("#")) {
                // The curie map's entries: "#  PREFIX: "IRI"".
                String entry = line.substring(1).strip();
                int colon = entry.indexOf(": ");
                if (line.startsWith("#  ") && colon > 0) {
                    curies.put(entry.substring(0, colon), entry.substring(colon + 2).replace("\"", "").strip());
                }
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (header == null) {
                header = List.of(f);
                for (String column : List.of("subject_id", "predicate_id", "object_id", "mapping_justification")) {
                    if (!header.contains(column)) {
                        problems.add(where + ": the header has no column " + column);
                    }
                }
                if (!problems.isEmpty()) {
                    break;
                }
                continue;
            }
            if (f.length != header.size()) {
                problems.add(where + ": " + f.length + " fields, expected " + header.size() + " (tab-separated)");
                continue;
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < f.length; c++) {
                row.put(header.get(c), f[c].strip());
            }
            if (!row.get("mapping_justification").equals(SEMAPV_CURIE + "ManualMappingCuration")) {
                ignored++;
                continue;
            }
            int before = problems.size();
            String subject = row.get("subject_id");
            String path = subject.startsWith(SUBJECT_PREFIX + ":") ? subject.substring(SUBJECT_PREFIX.length() + 1) : null;
            if (path == null) {
                problems.add(where + ": subject_id '" + subject + "' is not an entity of the graph (" + SUBJECT_PREFIX
                        + ":cause/..., " + SUBJECT_PREFIX + ":symptom/..., " + SUBJECT_PREFIX + ":drug/...)");
            } else {
                LinkTable.entityPathProblem(path).ifPresent(p -> problems.add(where + ": subject_id '" + subject + "': " + p));
            }
            Property predicate = PREDICATES.get(row.get("predicate_id"));
            if (predicate == null) {
                problems.add(where + ": predicate_id '" + row.get("predicate_id") + "' (expected one of "
                        + String.join(", ", PREDICATES.keySet().stream().sorted().toList()) + ")");
            }
            String object = row.get("object_id");
            Optional<Identified> target = identify(object, index);
            if (target.isEmpty()) {
                problems.add(where + ": object_id '" + object + "' is no identifier of the vocabulary tables (data/vocab)");
            }
            if (problems.size() > before) {
                continue;
            }
            Identified t = target.get();
            if (!seen.add(path + " " + t.vocabulary().iri(t.id()))) {
                problems.add(where + ": " + subject + " is mapped to " + object + " twice");
                continue;
            }
            Resource entity = m.createResource(iris.base() + path);
            Resource term = m.createResource(t.vocabulary().iri(t.id()));
            entity.addProperty(predicate, term);
            Resource record = m.createResource(iris.mapping(path, t.vocabulary().name(), t.vocabulary().localId(t.id()))
                    + "/" + setName)
                    .addProperty(RDF.type, LinkGraph.Mapping)
                    .addProperty(RDF.type, OWL2.Axiom)
                    .addProperty(OWL2.annotatedSource, entity)
                    .addProperty(OWL2.annotatedProperty, predicate)
                    .addProperty(OWL2.annotatedTarget, term)
                    .addProperty(LinkGraph.mappingJustification, LinkGraph.ManualMappingCuration)
                    .addProperty(LinkGraph.objectSource, m.createResource(t.vocabulary().registryIri()))
                    .addProperty(DCTerms.source, m.createResource(t.source().url()));
            if (!row.getOrDefault("subject_label", "").isEmpty()) {
                record.addProperty(LinkGraph.subjectLabel, row.get("subject_label"));
            }
            if (!row.getOrDefault("comment", "").isEmpty()) {
                record.addProperty(RDFS.comment, row.get("comment"), LANG);
            }
            curated++;
        }
        if (header == null && problems.isEmpty()) {
            problems.add(name + ":1: no header row (" + String.join(", ", COLUMNS) + ")");
        }
        if (!problems.isEmpty()) {
            throw new LinkTableException(problems);
        }
        return new Curated(new DocumentGraph(iris.links() + "/" + setName, m), curated, ignored);
    }

    /** What a curation file gave: its graph, how many rows were curated, how many were left out. */
    public record Curated(DocumentGraph graph, int curated, int ignored) {
    }

    private record Identified(Vocabulary vocabulary, String id, VocabularyIndex.Source source) {
    }

    /** An identifier of the tables: a term's own, or one of its cross-references (and the file it is from). */
    private static Optional<Identified> identify(String curie, VocabularyIndex index) {
        String id = curie.startsWith("ATC:") ? curie.substring(4) : curie;
        Term term = index.term(id);
        if (term != null) {
            return Optional.of(new Identified(term.vocabulary(), id, index.source(term.table().file())));
        }
        for (Term t : index.terms()) {
            for (VocabularyIndex.CrossReference x : t.crossReferences()) {
                if (x.id().equals(id)) {
                    return Optional.of(new Identified(x.vocabulary(), id, index.source(
                            t.table() == VocabularyIndex.Table.DOID ? VocabularyIndex.DOID_XREFS : t.table().file())));
                }
            }
        }
        return Optional.empty();
    }
}
