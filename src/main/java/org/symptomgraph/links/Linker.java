package org.symptomgraph.links;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.symptomgraph.links.VocabularyIndex.CrossReference;
import org.symptomgraph.links.VocabularyIndex.Name;
import org.symptomgraph.links.VocabularyIndex.Scope;
import org.symptomgraph.links.VocabularyIndex.Table;
import org.symptomgraph.links.VocabularyIndex.Term;
import org.symptomgraph.rdf.Iris;
import org.symptomgraph.rdf.SoftwareVersion;
import org.symptomgraph.rdf.Vocab;

/**
 * Lexical linking: matches the symptoms, causes and drugs of a document's graph against the
 * {@link VocabularyIndex} and says which links to add, each with its SSSOM mapping record.
 *
 * <p>The rules (docs/linking.md):
 * <ul>
 * <li>A symptom is matched against the Symptom Ontology, then the Disease Ontology; a drug against
 *     CPIC's drug table; any other cause against the Disease Ontology, then the Symptom Ontology,
 *     then the drug table. The first table where a name is found decides.</li>
 * <li>Names in order: the label, then each other name ({@code skos:altLabel}). Abbreviations are
 *     too ambiguous to link on; {@link #candidates} still offers what they match.</li>
 * <li>A name's key ({@link NameNormaliser}) is looked up among labels and exact synonyms: one term
 *     gives {@code skos:exactMatch}; two or more terms tie, and nothing is linked. Failing that,
 *     among related synonyms: one term gives {@code skos:closeMatch}. Failing that, the same with a
 *     trailing "disease", "syndrome" or "infectious disease" added or dropped, which links only where
 *     it names one term (the table does not use the two forms for different terms). Failing that, the
 *     name in the tables' order and words ({@link NameVariants}: an inverted name, "disorder" for
 *     "disease", "mellitus" after "diabetes"; a leading "other" gives close at most).</li>
 * <li>An other name that spells out an abbreviation found among other words of the label ("COPD
 *     exacerbation (chronic obstructive pulmonary disease)") names a part of the entity: not linked on.</li>
 * <li>Cross-walks: a linked Disease Ontology term's own MeSH, UMLS, ICD-10-CM and NCIt
 *     cross-references, and a drug row's RxNorm, DrugBank, PharmGKB and ATC identifiers, are
 *     linked too, justified by {@code semapv:MappingChaining} and derived
 *     ({@code prov:wasDerivedFrom}) from the record of the link they follow: exact where the row
 *     says the identifiers are equivalent, close otherwise.</li>
 * </ul>
 */
public final class Linker {

    public static final Property confidence = LinkGraph.sssom("confidence");
    public static final Property matchString = LinkGraph.sssom("match_string");
    public static final Property subjectMatchField = LinkGraph.sssom("subject_match_field");
    public static final Property objectMatchField = LinkGraph.sssom("object_match_field");
    public static final Property objectLabel = LinkGraph.sssom("object_label");
    public static final Property objectSourceVersion = LinkGraph.sssom("object_source_version");
    public static final Property mappingTool = LinkGraph.sssom("mapping_tool");
    public static final Resource LexicalMatching = LinkGraph.semapv("LexicalMatching");
    public static final Resource MappingChaining = LinkGraph.semapv("MappingChaining");

    private static final String OBO_IN_OWL = "http://www.geneontology.org/formats/oboInOwl#";
    private static final String LANG = "en";

    /** What an entity is, for the order in which the tables are tried. */
    public enum Kind {
        SYMPTOM(Table.SYMP, Table.DOID), DRUG(Table.DRUGS), CAUSE(Table.DOID, Table.SYMP, Table.DRUGS);

        private final List<Table> tables;

        Kind(Table... tables) {
            this.tables = List.of(tables);
        }
    }

    /**
     * One possible link.
     *
     * @param entity      the entity's IRI
     * @param entityLabel its label
     * @param kind        symptom, drug or cause
     * @param name        the entity's name that matched, as the page writes it
     * @param nameField   where that name is: rdfs:label, skos:altLabel or sg:abbreviation
     * @param term        the term matched
     * @param matched     the table's name of the term that matched
     * @param key         the normalised string both share
     * @param predicate   the SKOS property the link would have
     * @param score       the confidence, 0 to 1
     * @param linked      whether import links it (unique, and of a kind import links on)
     * @param note        why not, or how it matched
     */
    public record Candidate(String entity, String entityLabel, Kind kind, String name, Property nameField, Term term,
            Name matched, String key, Property predicate, double score, boolean linked, String note) {
    }

    private final VocabularyIndex index;
    private final Iris iris;

    public Linker(VocabularyIndex index, Iris iris) {
        this.index = index;
        this.iris = iris;
    }

    /**
     * Adds to a document's graph the links of its symptoms, causes and drugs, with their records.
     *
     * @return the statements added
     */
    public Model addLinks(Model document) {
        Model links = links(document);
        document.add(links);
        return links;
    }

    /** The links of a document's graph and their mapping records, as a model of their own. */
    public Model links(Model document) {
        Model m = ModelFactory.createDefaultModel();
        for (Candidate c : candidates(document, false)) {
            Resource record = link(m, c);
            chain(m, c, record);
        }
        return m;
    }

    /**
     * The candidate links of a graph's entities: with {@code all}, also those import does not make
     * (ties, abbreviations, names of a table tried later), for a curator to judge.
     */
    public List<Candidate> candidates(Model graph, boolean all) {
        List<Candidate> out = new ArrayList<>();
        for (Map.Entry<Resource, Kind> e : entities(graph).entrySet()) {
            Resource entity = e.getKey();
            if (!entity.isURIResource() || !entity.getURI().startsWith(iris.base())) {
                continue;
            }
            out.addAll(candidates(entity, e.getValue(), all));
        }
        return out;
    }

    private List<Candidate> candidates(Resource entity, Kind kind, boolean all) {
        String label = entity.hasProperty(RDFS.label) ? entity.getProperty(RDFS.label).getString() : "";
        List<Candidate> found = new ArrayList<>();
        boolean linked = false;
        boolean abbreviationInsideLabel = abbreviationInsideLabel(entity, label);
        for (Statement s : names(entity)) {
            String text = s.getString();
            String key = NameNormaliser.key(text);
            if (key.isEmpty()) {
                continue;
            }
            boolean abbreviation = s.getPredicate().equals(Vocab.abbreviation);
            // "COPD exacerbation (chronic obstructive pulmonary disease)": the other name spells out
            // only the abbreviation, a part of what the label names.
            boolean partOfLabel = abbreviationInsideLabel && s.getPredicate().equals(SKOS.altLabel);
            boolean tableDecided = false;
            for (Table table : kind.tables) {
                List<Candidate> here = match(entity.getURI(), label, kind, text, s.getPredicate(), key, table);
                if (here.isEmpty()) {
                    continue;
                }
                boolean decides = !linked && !tableDecided && !abbreviation && !partOfLabel;
                boolean unique = here.size() == 1;
                for (Candidate c : here) {
                    boolean link = decides && unique;
                    String note = c.note();
                    if (abbreviation) {
                        note = join(note, "an abbreviation: not linked on");
                    } else if (partOfLabel) {
                        note = join(note, "spells out an abbreviation that is only a part of the label: not linked on");
                    } else if (!decides) {
                        note = join(note, linked ? "another name or table linked first" : "an earlier table matched");
                    }
                    Candidate out = new Candidate(c.entity(), c.entityLabel(), kind, c.name(), c.nameField(), c.term(),
                            c.matched(), c.key(), c.predicate(), link ? c.score() : Math.min(c.score(), 0.5), link, note);
                    if (link || all) {
                        found.add(out);
                    }
                }
                if (decides) {
                    linked = unique;
                    tableDecided = true;
                }
                if (!all) {
                    break;
                }
            }
            if (linked && !all) {
                break;
            }
        }
        return found;
    }

    /**
     * Whether the label holds one of the entity's abbreviations among other words ("COPD exacerbation"),
     * so that an other name spelling the abbreviation out names a part of the entity only.
     */
    private static boolean abbreviationInsideLabel(Resource entity, String label) {
        List<String> words = List.of(NameNormaliser.key(label).split(" "));
        return words.size() > 1 && entity.listProperties(Vocab.abbreviation).toList().stream()
                .filter(a -> a.getObject().isLiteral())
                .map(a -> NameNormaliser.key(a.getString()))
                .anyMatch(a -> !a.isEmpty() && !a.contains(" ") && words.contains(a));
    }

    /** The matches of one key in one table, by the rules in order; several are a tie (each noted). */
    private List<Candidate> match(String entity, String label, Kind kind, String text, Property field, String key,
            Table table) {
        List<Candidate> hits = tier(entity, label, kind, text, field, key, table, index.lookup(table, key), false);
        if (hits.isEmpty()) {
            // The page's name with the suffix, the table's without ("Down syndrome" / "Down"): as good a match.
            List<Name> dropped = new ArrayList<>();
            String bare = NameNormaliser.withoutSuffix(key);
            if (!bare.isEmpty()) {
                dropped.addAll(index.lookup(table, bare));
            }
            // The table's name has the suffix and the page's has not ("Primary immunodeficiency"): the page
            // may name the part rather than its disease ("Bone marrow"), so at most close.
            List<Name> added = new ArrayList<>(index.lookupWithoutSuffix(table, key));
            List<Name> variants = new ArrayList<>(dropped);
            variants.addAll(added);
            hits = tier(entity, label, kind, text, field, key, table, variants, true).stream()
                    .map(c -> dropped.contains(c.matched()) ? c : close(c, ""))
                    .toList();
        }
        // The same name in the tables' order and words (NameVariants), the first that names a term.
        for (NameVariants.Variant v : hits.isEmpty() ? NameVariants.of(text, key) : List.<NameVariants.Variant>of()) {
            hits = tier(entity, label, kind, text, field, v.key(), table, index.lookup(table, v.key()), false).stream()
                    .map(c -> {
                        Candidate noted = new Candidate(c.entity(), c.entityLabel(), c.kind(), c.name(), c.nameField(),
                                c.term(), c.matched(), c.key(), c.predicate(), round(c.score() - 0.1), c.linked(),
                                join(v.note(), c.note()));
                        return v.closeOnly() ? close(noted, "") : noted;
                    })
                    .toList();
            if (!hits.isEmpty()) {
                break;
            }
        }
        return hits;
    }

    /** The candidate as a close match, with a note added. */
    private static Candidate close(Candidate c, String note) {
        return new Candidate(c.entity(), c.entityLabel(), c.kind(), c.name(), c.nameField(), c.term(), c.matched(),
                c.key(), SKOS.closeMatch, c.score(), c.linked(), join(c.note(), note));
    }

    private List<Candidate> tier(String entity, String label, Kind kind, String text, Property field, String key,
            Table table, List<Name> names, boolean suffix) {
        Map<Term, Name> exact = new LinkedHashMap<>();
        Map<Term, Name> related = new LinkedHashMap<>();
        for (Name n : names) {
            Map<Term, Name> into = n.scope() == Scope.RELATED_SYNONYM ? related : exact;
            Name before = into.get(n.term());
            if (before == null || n.scope().compareTo(before.scope()) < 0) {
                into.put(n.term(), n);
            }
        }
        Map<Term, Name> tier = exact.isEmpty() ? related : exact;
        List<Candidate> out = new ArrayList<>();
        for (Name n : tier.values()) {
            boolean exactScope = n.scope() != Scope.RELATED_SYNONYM;
            double score = switch (n.scope()) {
                case LABEL -> 0.95;
                case EXACT_SYNONYM -> 0.9;
                case ADDED_SYNONYM -> 0.85;
                case RELATED_SYNONYM -> 0.7;
            };
            if (!field.equals(RDFS.label)) {
                score -= 0.05;
            }
            String note = n.scope() == Scope.ADDED_SYNONYM
                    ? "through the project's synonym '" + n.text() + "' (data/vocab/added-synonyms.tsv)" : "";
            if (suffix) {
                score -= 0.15;
                note = join(note, "matched with 'disease', 'syndrome' or 'infectious disease' added or dropped");
            }
            if (tier.size() > 1) {
                note = join(note, "ties with " + String.join(", ", tier.keySet().stream().filter(t -> t != n.term())
                        .map(Term::id).toList()) + ": not linked");
                score = score / tier.size();
            }
            out.add(new Candidate(entity, label, kind, text, field, n.term(), n, key,
                    exactScope ? SKOS.exactMatch : SKOS.closeMatch, round(score), false, note));
        }
        return out;
    }

    /** The link and its record; the record's IRI is the curated one's with "/lexical" added. */
    private Resource link(Model m, Candidate c) {
        Resource entity = m.createResource(c.entity());
        Resource target = m.createResource(c.term().vocabulary().iri(c.term().id()));
        entity.addProperty(c.predicate(), target);
        VocabularyIndex.Source source = index.source(c.term().table().file());
        Resource record = record(m, c.entity(), c.term().vocabulary(), c.term().id(), "lexical", c.predicate(), target,
                LexicalMatching, c.entityLabel(), source)
                .addProperty(objectLabel, c.term().label())
                .addProperty(matchString, c.key())
                .addProperty(subjectMatchField, m.createResource(c.nameField().getURI()))
                .addLiteral(confidence, decimal(m, c.score()));
        String field = switch (c.matched().scope()) {
            case LABEL -> RDFS.label.getURI();
            case EXACT_SYNONYM -> OBO_IN_OWL + "hasExactSynonym";
            case ADDED_SYNONYM -> null;  // a name the vocabulary lacks: the comment says whose it is
            case RELATED_SYNONYM -> OBO_IN_OWL + "hasRelatedSynonym";
        };
        if (field != null) {
            record.addProperty(objectMatchField, m.createResource(field));
        }
        if (!c.note().isEmpty()) {
            record.addProperty(RDFS.comment, c.note().substring(0, 1).toUpperCase(Locale.ROOT) + c.note().substring(1) + ".",
                    LANG);
        }
        return record;
    }

    /** The cross-walks from a link's term: its row's identifiers in other vocabularies. */
    private void chain(Model m, Candidate c, Resource from) {
        boolean exactFirst = c.predicate().equals(SKOS.exactMatch);
        VocabularyIndex.Source source = index.source(c.term().table() == Table.DOID ? VocabularyIndex.DOID_XREFS
                : c.term().table().file());
        for (CrossReference x : c.term().crossReferences()) {
            Property p = switch (x.skosMapping()) {
                case "exactMatch" -> exactFirst ? SKOS.exactMatch : SKOS.closeMatch;
                case "", "closeMatch" -> SKOS.closeMatch;
                case "broadMatch" -> exactFirst ? SKOS.broadMatch : null;
                case "narrowMatch" -> exactFirst ? SKOS.narrowMatch : null;
                default -> null;  // relatedMatch, or DO stated two predicates: not a mapping to follow
            };
            if (p == null) {
                continue;
            }
            Resource target = m.createResource(x.vocabulary().iri(x.id()));
            m.createResource(c.entity()).addProperty(p, target);
            record(m, c.entity(), x.vocabulary(), x.id(), "chained", p, target, MappingChaining, c.entityLabel(),
                    source)
                    .addProperty(Vocab.wasDerivedFrom, from)
                    .addLiteral(confidence, decimal(m, round(c.score() * (p.equals(SKOS.exactMatch) ? 1 : 0.9))))
                    .addProperty(RDFS.comment, "Through " + c.term().id() + " '" + c.term().label() + "': "
                            + (c.term().table() == Table.DOID ? "a cross-reference of the Disease Ontology term"
                            : "an identifier of the same row of CPIC's drug table")
                            + (x.skosMapping().isEmpty() ? " (no SKOS predicate stated, so close)" : " (" + x.skosMapping() + ")")
                            + ".", LANG);
        }
    }

    private Resource record(Model m, String entity, Vocabularies.Vocabulary vocabulary, String id, String how,
            Property predicate, Resource target, Resource justification, String entityLabel,
            VocabularyIndex.Source source) {
        String path = entity.substring(iris.base().length());
        Resource record = m.createResource(iris.mapping(path, vocabulary.name(), vocabulary.localId(id)) + "/" + how)
                .addProperty(RDF.type, LinkGraph.Mapping)
                .addProperty(RDF.type, OWL2.Axiom)
                .addProperty(OWL2.annotatedSource, m.createResource(entity))
                .addProperty(OWL2.annotatedProperty, predicate)
                .addProperty(OWL2.annotatedTarget, target)
                .addProperty(LinkGraph.mappingJustification, justification)
                .addProperty(LinkGraph.subjectLabel, entityLabel)
                .addProperty(LinkGraph.objectSource, m.createResource(vocabulary.registryIri()))
                .addProperty(mappingTool, "symptomgraph " + SoftwareVersion.VERSION);
        if (source != null) {
            record.addProperty(objectSourceVersion, source.release())
                    .addProperty(DCTerms.source, m.createResource(source.url()));
        }
        return record;
    }

    /** The symptoms, drugs and other causes of a graph, in a stable order. */
    static Map<Resource, Kind> entities(Model graph) {
        Map<Resource, Kind> entities = new LinkedHashMap<>();
        graph.listSubjectsWithProperty(RDF.type, Vocab.MedicalSignOrSymptom).toList().stream()
                .sorted(java.util.Comparator.comparing(Resource::toString))
                .forEach(r -> entities.put(r, Kind.SYMPTOM));
        graph.listSubjectsWithProperty(RDF.type, Vocab.MedicalCause).toList().stream()
                .sorted(java.util.Comparator.comparing(Resource::toString))
                .forEach(r -> entities.putIfAbsent(r, r.hasProperty(RDF.type, Vocab.Drug) ? Kind.DRUG : Kind.CAUSE));
        return entities;
    }

    /** The label, then other names, then abbreviations, each in a stable order. */
    private static List<Statement> names(Resource entity) {
        List<Statement> names = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Property p : List.of(RDFS.label, SKOS.altLabel, Vocab.abbreviation)) {
            entity.listProperties(p).toList().stream()
                    .filter(s -> s.getObject().isLiteral())
                    .sorted(java.util.Comparator.comparing(Statement::getString))
                    .filter(s -> seen.add(s.getString()))
                    .forEach(names::add);
        }
        return names;
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
    }

    /**
     * A confidence as an xsd:decimal in its canonical form ("0.9", not "0.90"): TDB2 stores numbers
     * by value and gives back the canonical form, so a graph imported twice compares equal.
     */
    private static org.apache.jena.rdf.model.Literal decimal(Model m, double score) {
        return m.createTypedLiteral(java.math.BigDecimal.valueOf(score).stripTrailingZeros().toPlainString(),
                org.apache.jena.datatypes.xsd.XSDDatatype.XSDdecimal);
    }

    private static double round(double score) {
        return Math.round(score * 100) / 100.0;
    }
}
