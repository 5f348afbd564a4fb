package org.symptomgraph.rdf;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.symptomgraph.model.Category;
import org.symptomgraph.model.Cause;
import org.symptomgraph.model.CauseKind;
import org.symptomgraph.model.Frequency;
import org.symptomgraph.model.SymptomDocument;

/**
 * Turns a document read by the importer into the RDF of its named graph.
 *
 * <p>Besides the direct links ({@code symptom schema:cause cause}, {@code cause sg:inCategory
 * category}), every "X may cause Y" the document makes is one {@code sg:Vocab.CauseAssertion}: an n-ary
 * node, a prov:Entity derived from the document version, that names the symptom, the cause and the
 * category and keeps the evidence — the list line or sentence of the document, and its line number
 * — so a reader can check the fact against the page.
 */
public final class DocumentMapper {

    public static final String UNDATED = "undated";
    private static final String LANG = "en";


    /**
     * An assertion is named ".../assertion/{cause}", or ".../assertion/{cause}/{category}" when the page
     * lists the cause more than once; a listing under no category then takes this in place of a category.
     */
    private static final String UNCATEGORISED = "uncategorised";

    private final Iris iris;

    public DocumentMapper(Iris iris) {
        this.iris = iris;
    }

    public Iris iris() {
        return iris;
    }

    /** The version segment of a document's IRIs: its own date, or "undated". */
    public static String version(SymptomDocument doc) {
        return doc.date().map(Object::toString).orElse(UNDATED);
    }

    public DocumentGraph map(SymptomDocument doc) {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefixes(Vocab.prefixes(iris.base()));

        String version = version(doc);
        String graphIri = iris.graph(doc.id(), version);
        Resource symptom = m.createResource(iris.symptom(doc.symptom()))
                .addProperty(RDF.type, Vocab.MedicalSignOrSymptom);
        label(symptom, doc.symptom());
        doc.symptomAliases().forEach(a -> symptom.addProperty(SKOS.altLabel, a, LANG));
        doc.mechanism().ifPresent(text -> symptom.addProperty(Vocab.mechanism, text, LANG));

        Resource document = m.createResource(iris.documentVersion(doc.id(), version))
                .addProperty(RDF.type, Vocab.SourceDocument)
                .addProperty(RDF.type, Vocab.ProvEntity)
                .addProperty(DCTerms.identifier, doc.id())
                .addProperty(DCTerms.isVersionOf, m.createResource(iris.document(doc.id())))
                .addProperty(DCTerms.language, LANG)
                .addProperty(Vocab.sourceFile, doc.sourceFile())
                .addProperty(Vocab.contentSha256, doc.sha256())
                .addProperty(Vocab.about, symptom);
        doc.date().ifPresent(d -> document.addProperty(DCTerms.date, d.toString(), XSDDatatype.XSDdate));
        doc.disclaimer().ifPresent(text -> document.addProperty(Vocab.disclaimer, text, LANG));
        doc.address().filter(DocumentMapper::isWebAddress)
                .ifPresent(a -> document.addProperty(DCTerms.source, m.createResource(a)));

        Resource software = m.createResource(iris.software(SoftwareVersion.VERSION))
                .addProperty(RDF.type, Vocab.SoftwareAgent)
                .addProperty(RDFS.label, "symptomgraph importer " + SoftwareVersion.VERSION, LANG)
                .addProperty(Vocab.softwareVersion, SoftwareVersion.VERSION);
        Resource activity = m.createResource(importActivity(graphIri))
                .addProperty(RDF.type, Vocab.ProvActivity)
                .addProperty(Vocab.used, document)
                .addProperty(Vocab.wasAssociatedWith, software);
        m.createResource(graphIri)
                .addProperty(RDF.type, Vocab.DocumentGraph)
                .addProperty(RDF.type, Vocab.ProvEntity)
                .addProperty(Vocab.wasDerivedFrom, document)
                .addProperty(Vocab.wasGeneratedBy, activity);

        Assertions assertions = new Assertions(m, doc, symptom, document);
        doc.causes().forEach(c -> assertions.add(c, cause(m, symptom, c), null, UNCATEGORISED));
        Set<String> slugs = new HashSet<>();
        addCategories(m, doc, symptom, null, "", doc.categories(), slugs, assertions);
        addKeys(m);
        return new DocumentGraph(graphIri, m);
    }

    /** The import activity that made a graph; the store adds its end time. */
    public static String importActivity(String graphIri) {
        return graphIri + "/import";
    }

    private void addCategories(Model m, SymptomDocument doc, Resource symptom, Resource parent, String parentSlug,
            List<Category> categories, Set<String> slugs, Assertions assertions) {
        int position = 1;
        for (Category c : categories) {
            // The same heading twice in one page (under two parents) needs the parent to tell them apart.
            String slug = Iris.slug(c.name());
            if (!slugs.add(slug)) {
                slug = parentSlug + "-" + slug;
                slugs.add(slug);
            }
            Resource category = m.createResource(iris.category(doc.id(), version(doc), slug))
                    .addProperty(RDF.type, Vocab.CauseCategory)
                    .addProperty(RDF.type, SKOS.Concept)
                    .addProperty(Vocab.categoryOf, symptom)
                    .addLiteral(Vocab.position, m.createTypedLiteral(position++, XSDDatatype.XSDinteger));
            label(category, c.name());
            if (parent != null) {
                category.addProperty(SKOS.broader, parent);
            }
            if (c.inferred()) {
                category.addLiteral(Vocab.inferred, true);
            }
            c.frequency().ifPresent(f -> category.addProperty(Vocab.frequency, frequency(m, f)));
            c.leadIn().ifPresent(text -> category.addProperty(Vocab.leadIn, text, LANG));
            for (String site : c.bodySites()) {
                Resource anatomy = m.createResource(iris.anatomy(site)).addProperty(RDF.type, Vocab.AnatomicalStructure);
                label(anatomy, site);
                category.addProperty(Vocab.bodySite, anatomy);
            }
            c.agentClasses().forEach(a -> category.addProperty(Vocab.agentClass, Vocab.schema(a.schemaName())));
            for (Cause cause : c.causes()) {
                Resource node = cause(m, symptom, cause).addProperty(Vocab.inCategory, category);
                assertions.add(cause, node, category, slug);
            }
            addCategories(m, doc, symptom, category, slug, c.children(), slugs, assertions);
        }
    }

    private Resource cause(Model m, Resource symptom, Cause c) {
        Resource cause = m.createResource(iris.cause(c.label(), c.kind()))
                .addProperty(RDF.type, Vocab.MedicalCause);
        typeOf(c.kind()).forEach(t -> cause.addProperty(RDF.type, t));
        // Two spellings with one IRI ("Malaria", "Malaria <"): the first names it, as one node has one label.
        if (!cause.hasProperty(RDFS.label)) {
            label(cause, c.label());
        }
        c.aliases().forEach(a -> cause.addProperty(SKOS.altLabel, a, LANG));
        c.abbreviations().forEach(a -> cause.addProperty(Vocab.abbreviation, a, LANG));
        c.brands().forEach(b -> cause.addProperty(Vocab.proprietaryName, b));
        c.definition().ifPresent(d -> cause.addProperty(SKOS.definition, d, LANG));
        c.group().ifPresent(g -> {
            Resource group = m.createResource(iris.drugClass(g)).addProperty(RDF.type, Vocab.DrugClass);
            if (!group.hasProperty(RDFS.label)) {
                label(group, g);
            }
            cause.addProperty(Vocab.drugClass, group);
        });
        if (c.otherBrands()) {
            cause.addLiteral(Vocab.otherBrandsExist, true);
        }
        symptom.addProperty(Vocab.cause, cause);
        return cause;
    }

    /**
     * The lookup keys, once every name is in place, so that each node has exactly the keys of its
     * names: a symptom is found by its label; a cause by its label, other names and abbreviations;
     * a drug also by its brands, under a property of their own, since only the brand query
     * matches brand names.
     */
    private static void addKeys(Model m) {
        for (Resource symptom : m.listSubjectsWithProperty(RDF.type, Vocab.MedicalSignOrSymptom).toList()) {
            keys(symptom, Vocab.nameKey, RDFS.label);
        }
        for (Resource cause : m.listSubjectsWithProperty(RDF.type, Vocab.MedicalCause).toList()) {
            keys(cause, Vocab.nameKey, RDFS.label, SKOS.altLabel, Vocab.abbreviation);
            keys(cause, Vocab.brandKey, Vocab.proprietaryName);
        }
    }

    private static void keys(Resource r, Property key, Property... names) {
        for (Property name : names) {
            for (Statement s : r.listProperties(name).toList()) {
                r.addProperty(key, NameKey.of(s.getString()));
            }
        }
    }

    private static List<Resource> typeOf(CauseKind kind) {
        List<Resource> types = new ArrayList<>();
        switch (kind) {
            case DRUG -> types.add(Vocab.Drug);
            case INFECTION -> types.add(Vocab.InfectiousDisease);
            case CONDITION -> types.add(Vocab.MedicalCondition);
            case ACTIVITY -> types.add(Vocab.Activity);
            case UNSPECIFIED -> { }
            default -> throw new IllegalArgumentException(kind.toString());
        }
        return types;
    }

    /** The assertion nodes of one document version: one per (cause, category) the document lists. */
    private final class Assertions {
        private final Model m;
        private final SymptomDocument doc;
        private final Resource symptom;
        private final Resource document;
        /** How often each cause's name (as a path segment) is listed in the document. */
        private final Map<String, Integer> listings = new HashMap<>();

        Assertions(Model m, SymptomDocument doc, Resource symptom, Resource document) {
            this.m = m;
            this.doc = doc;
            this.symptom = symptom;
            this.document = document;
            doc.allCauses().forEach(c -> listings.merge(Iris.slug(c.label()), 1, Integer::sum));
        }

        void add(Cause c, Resource cause, Resource category, String categorySlug) {
            String causeSlug = Iris.slug(c.label());
            String local = listings.getOrDefault(causeSlug, 0) > 1 ? causeSlug + "/" + categorySlug : causeSlug;
            Resource a = m.createResource(iris.assertion(doc.id(), version(doc), local));
            if (m.contains(a, RDF.type, Vocab.CauseAssertion)) {
                return; // the same name twice in one category (differing only in case or accents): the first counts
            }
            a.addProperty(RDF.type, Vocab.CauseAssertion)
                    .addProperty(RDF.type, Vocab.ProvEntity)
                    .addProperty(Vocab.assertedSymptom, symptom)
                    .addProperty(Vocab.assertedCause, cause)
                    .addProperty(Vocab.evidenceText, c.evidence(), LANG)
                    .addLiteral(Vocab.evidenceLine, m.createTypedLiteral(Integer.toString(c.line()), XSDDatatype.XSDinteger))
                    .addProperty(Vocab.wasDerivedFrom, document);
            if (category != null) {
                a.addProperty(Vocab.assertedCategory, category);
            }
            c.detail().ifPresent(d -> a.addProperty(Vocab.detail, d, LANG));
            c.dueTo().flatMap(this::causeNamed).ifPresent(other -> a.addProperty(Vocab.dueTo, other));
        }

        /** "Kidney stones due to dehydration": the cause of this document that goes by that name, if any. */
        private Optional<Resource> causeNamed(String name) {
            String key = NameKey.of(name);
            for (Cause other : doc.allCauses()) {
                List<String> names = new ArrayList<>(other.aliases());
                names.add(other.label());
                names.addAll(other.abbreviations());
                if (names.stream().map(NameKey::of).anyMatch(key::equals)) {
                    return Optional.of(m.createResource(iris.cause(other.label(), other.kind())));
                }
            }
            return Optional.empty();
        }
    }

    /** A frequency of the scheme, with its notation and label, so that each graph says what it uses. */
    private static Resource frequency(Model m, Frequency f) {
        return m.createResource(Vocab.frequency(f).getURI())
                .addProperty(RDF.type, SKOS.Concept)
                .addProperty(SKOS.inScheme, Vocab.FrequencyScheme)
                .addProperty(SKOS.notation, f.notation())
                .addProperty(SKOS.prefLabel, f.notation().replace('-', ' '), LANG);
    }

    private static boolean isWebAddress(String address) {
        try {
            URI uri = new URI(address);
            return uri.isAbsolute() && (uri.getScheme().equals("http") || uri.getScheme().equals("https"));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void label(Resource r, String text) {
        r.addProperty(RDFS.label, text, LANG).addProperty(SKOS.prefLabel, text, LANG);
    }
}
