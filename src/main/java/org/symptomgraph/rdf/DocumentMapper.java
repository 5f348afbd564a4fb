package org.symptomgraph.rdf;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.symptomgraph.model.Category;
import org.symptomgraph.model.Cause;
import org.symptomgraph.model.CauseKind;
import org.symptomgraph.model.SymptomDocument;

/** Turns a document read by the importer into the RDF of its named graph. */
public final class DocumentMapper {

    public static final String UNDATED = "undated";
    private static final String LANG = "en";

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

        doc.causes().forEach(c -> cause(m, symptom, c));
        Set<String> slugs = new HashSet<>();
        addCategories(m, doc, symptom, null, "", doc.categories(), slugs);
        return new DocumentGraph(graphIri, m);
    }

    /** The import activity that made a graph; the store adds its end time. */
    public static String importActivity(String graphIri) {
        return graphIri + "/import";
    }

    private void addCategories(Model m, SymptomDocument doc, Resource symptom, Resource parent, String parentSlug,
            List<Category> categories, Set<String> slugs) {
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
            for (String site : c.bodySites()) {
                Resource anatomy = m.createResource(iris.anatomy(site)).addProperty(RDF.type, Vocab.AnatomicalStructure);
                label(anatomy, site);
                category.addProperty(Vocab.bodySite, anatomy);
            }
            c.agentClasses().forEach(a -> category.addProperty(Vocab.agentClass, Vocab.schema(a.schemaName())));
            for (Cause cause : c.causes()) {
                cause(m, symptom, cause).addProperty(Vocab.inCategory, category);
            }
            addCategories(m, doc, symptom, category, slug, c.children(), slugs);
        }
    }

    private Resource cause(Model m, Resource symptom, Cause c) {
        Resource cause = m.createResource(iris.cause(c.label(), c.kind()))
                .addProperty(RDF.type, Vocab.MedicalCause);
        typeOf(c.kind()).forEach(t -> cause.addProperty(RDF.type, t));
        label(cause, c.label());
        c.aliases().forEach(a -> cause.addProperty(SKOS.altLabel, a, LANG));
        c.abbreviations().forEach(a -> cause.addProperty(Vocab.abbreviation, a, LANG));
        c.brands().forEach(b -> cause.addProperty(Vocab.proprietaryName, b));
        if (c.otherBrands()) {
            cause.addLiteral(Vocab.otherBrandsExist, true);
        }
        symptom.addProperty(Vocab.cause, cause);
        return cause;
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

    private static void label(Resource r, String text) {
        r.addProperty(RDFS.label, text, LANG).addProperty(SKOS.prefLabel, text, LANG);
    }
}
