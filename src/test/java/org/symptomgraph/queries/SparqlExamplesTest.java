package org.symptomgraph.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.vocabulary.SHACLM;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.XSD;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symptomgraph.rdf.Vocab;
import org.symptomgraph.testing.Fixtures;
import org.symptomgraph.testing.Rdf4j;

/** The catalogue published as RDF in the SIB "sparql-examples" convention. */
class SparqlExamplesTest {

    private static final String ENDPOINT = "https://example.org/symptomgraph/sparql";
    private static final String EXAMPLES = ENDPOINT + "/.well-known/sparql-examples";
    private static final Property TARGET = ResourceFactory.createProperty(Vocab.SCHEMA, "target");
    private static final Property KEYWORDS = ResourceFactory.createProperty(Vocab.SCHEMA, "keywords");

    private final QueryCatalog catalog = QueryCatalog.load();
    private final Model examples = SparqlExamples.describe(catalog, ENDPOINT);

    @Test
    void theGraphAndTheExamplesAreNamedAfterTheEndpoint() {
        assertEquals(EXAMPLES, SparqlExamples.graphName(ENDPOINT));
        assertEquals(EXAMPLES, SparqlExamples.graphName(ENDPOINT + "/"));
        assertEquals(EXAMPLES + "#documents", SparqlExamples.exampleIri(ENDPOINT, "documents"));
    }

    @Test
    void everyQueryIsAnExecutableOfItsFormWithItsText() {
        for (CannedQuery q : catalog.all()) {
            Resource example = examples.createResource(EXAMPLES + "#" + q.name());
            Resource type = q.query().isSelectType() ? SHACLM.SPARQLSelectExecutable
                    : q.query().isAskType() ? SHACLM.SPARQLAskExecutable : SHACLM.SPARQLConstructExecutable;
            Property text = q.query().isSelectType() ? SHACLM.select : q.query().isAskType() ? SHACLM.ask : SHACLM.construct;
            assertEquals(Set.of(SHACLM.SPARQLExecutable, type), objects(example, RDF.type), q.name());
            assertEquals(Set.of(examples.createLiteral(q.text())), objects(example, text), q.name());
            assertEquals(q.query(), QueryFactory.create(example.getProperty(text).getString()), q.name());
            assertEquals(Set.of(examples.createLiteral(q.title(), "en")), objects(example, RDFS.label), q.name());
            assertEquals(Set.of(examples.createLiteral(q.description(), "en")), objects(example, RDFS.comment));
            assertEquals(Set.of(examples.createResource(ENDPOINT)), objects(example, TARGET), q.name());
            assertEquals(q.keywords().stream().map(examples::createLiteral).collect(Collectors.toSet()),
                    objects(example, KEYWORDS), q.name());
            assertEquals(q.parameters().size(), example.listProperties(SHACLM.parameter).toList().size(), q.name());
        }
        assertEquals(catalog.all().size(), examples.listSubjectsWithProperty(RDF.type, SHACLM.SPARQLExecutable).toList()
                .size());
    }

    @Test
    void prefixesAreDeclaredOnceForAll() {
        Resource prefixes = examples.createResource(EXAMPLES + "#prefixes");
        for (CannedQuery q : catalog.all()) {
            assertEquals(Set.of(prefixes), objects(examples.createResource(EXAMPLES + "#" + q.name()), SHACLM.prefixes));
        }
        List<Resource> declarations = prefixes.listProperties(SHACLM.declare).mapWith(Statement::getResource).toList();
        Resource sg = declarations.stream().filter(d -> d.getProperty(SHACLM.prefix).getString().equals("sg"))
                .findFirst().orElseThrow();
        assertEquals(examples.createTypedLiteral(Vocab.SG, XSDDatatype.XSDanyURI), sg.getProperty(SHACLM.namespace)
                .getObject());
        assertEquals(declarations.size(), declarations.stream().map(d -> d.getProperty(SHACLM.prefix).getString())
                .distinct().count(), "each prefix once");
    }

    @Test
    void parametersAreDescribedWithShaclParameterTerms() {
        Resource symptom = parameter("causes-of-symptom", "symptom");
        assertEquals(EXAMPLES + "/parameter#_symptom", symptom.getPropertyResourceValue(SHACLM.path).getURI());
        assertEquals(XSD.xstring, symptom.getPropertyResourceValue(SHACLM.datatype));
        assertTrue(symptom.getProperty(SHACLM.optional).getBoolean(), "it has a default");
        assertEquals(examples.createTypedLiteral("Petechiae", XSDDatatype.XSDstring),
                symptom.getProperty(SHACLM.defaultValue).getObject());

        Resource entity = parameter("entity-statements", "entity");
        assertEquals(SHACLM.IRI, entity.getPropertyResourceValue(SHACLM.nodeKind));
        assertTrue(entity.getProperty(SHACLM.optional).getBoolean(), "it has a default");
        assertEquals(examples.createResource("https://w3id.org/symptomgraph/cause/leukemia"),
                entity.getProperty(SHACLM.defaultValue).getObject());

        Resource minimum = parameter("causes-by-symptom-count", "minimum");
        assertEquals(XSD.integer, minimum.getPropertyResourceValue(SHACLM.datatype));
        assertEquals(1, minimum.getProperty(SHACLM.defaultValue).getInt());

        Resource second = parameter("shared-causes", "symptom2");
        assertEquals(1, second.getProperty(SHACLM.order).getInt());
    }

    @Test
    void itConformsToTheConventionsShape() {
        // What the SIB tools check of an example: exactly one query text, a described comment, a target.
        Shapes shapes = Shapes.parse(RDFParser.fromString("""
                PREFIX sh: <http://www.w3.org/ns/shacl#>
                PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                PREFIX schema: <https://schema.org/>
                PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
                [] a sh:NodeShape ; sh:targetClass sh:SPARQLExecutable ;
                  sh:property [ sh:path [ sh:alternativePath ( sh:select sh:ask sh:construct ) ] ;
                                sh:minCount 1 ; sh:maxCount 1 ; sh:datatype xsd:string ] ;
                  sh:property [ sh:path rdfs:comment ; sh:minCount 1 ; sh:datatype rdf:langString ] ;
                  sh:property [ sh:path rdfs:label ; sh:minCount 1 ; sh:maxCount 1 ; sh:datatype rdf:langString ] ;
                  sh:property [ sh:path schema:target ; sh:minCount 1 ; sh:nodeKind sh:IRI ] ;
                  sh:property [ sh:path schema:keywords ; sh:datatype xsd:string ; sh:pattern "^[^\\\\s].*[^\\\\s]$" ] ;
                  sh:property [ sh:path sh:prefixes ; sh:minCount 1 ] .
                [] a sh:NodeShape ; sh:targetObjectsOf sh:declare ;
                  sh:property [ sh:path sh:prefix ; sh:minCount 1 ; sh:maxCount 1 ; sh:datatype xsd:string ] ;
                  sh:property [ sh:path sh:namespace ; sh:minCount 1 ; sh:maxCount 1 ; sh:datatype xsd:anyURI ] .
                """, Lang.TURTLE).toGraph());
        ValidationReport report = ShaclValidator.get().validate(shapes, examples.getGraph());
        assertTrue(report.conforms(), () -> report.getEntries().toString());
    }

    @Test
    void itIsWrittenAsTurtleThatAnotherParserReadsBack() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, examples, Lang.TURTLE);
        String turtle = out.toString(StandardCharsets.UTF_8);
        Model jena = ModelFactory.createDefaultModel();
        RDFParser.fromString(turtle, Lang.TURTLE).parse(jena);
        assertTrue(examples.isIsomorphicWith(jena));
        var rdf4j = Rdf4j.toJena(Rio.parse(new StringReader(turtle), "", RDFFormat.TURTLE));
        assertTrue(examples.getGraph().isIsomorphicWith(rdf4j.getDefaultGraph()));
    }

    @Test
    void theExamplesCanBeFoundWithAQuery() {
        // How a client lists the examples of an endpoint.
        List<String> found = Fixtures.select(examples, """
                PREFIX sh: <http://www.w3.org/ns/shacl#>
                SELECT ?example WHERE {
                  ?example a sh:SPARQLExecutable ; rdfs:comment ?comment ; sh:select|sh:ask|sh:construct ?query .
                } ORDER BY ?example
                """, "example");
        assertEquals(catalog.all().stream().map(q -> EXAMPLES + "#" + q.name()).toList(), found);
    }

    @Test
    void aBadEndpointUrlIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SparqlExamples.describe(catalog, "sparql"));
        assertThrows(IllegalArgumentException.class, () -> SparqlExamples.describe(catalog, "http://a b/sparql"));
    }

    @Test
    void onePrefixForTwoNamespacesIsRefused(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.rq"), "#+ summary: a\n#+ description: d\nPREFIX ex: <http://a/>\nASK { ?s ex:p ?o }\n");
        Files.writeString(dir.resolve("b.rq"), "#+ summary: b\n#+ description: d\nPREFIX ex: <http://b/>\nASK { ?s ex:p ?o }\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparqlExamples.describe(QueryCatalog.load(dir), ENDPOINT));
        assertEquals("query b declares prefix 'ex:' as <http://b/>, another query as <http://a/>", e.getMessage());
    }

    private Resource parameter(String query, String name) {
        return examples.createResource(EXAMPLES + "#" + query).listProperties(SHACLM.parameter)
                .mapWith(Statement::getResource)
                .filterKeep(p -> p.getProperty(SHACLM.name).getString().equals(name))
                .nextOptional().orElseThrow();
    }

    private static Set<RDFNode> objects(Resource subject, Property property) {
        return subject.listProperties(property).mapWith(Statement::getObject).toSet();
    }
}
