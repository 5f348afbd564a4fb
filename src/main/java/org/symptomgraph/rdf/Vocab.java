package org.symptomgraph.rdf;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.XSD;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * The terms the graph uses that Jena has no vocabulary class for: symptomgraph's own (sg:),
 * schema.org (https form) and PROV-O. SKOS, Dublin Core, RDFS and XSD come from Jena.
 */
public final class Vocab {

    public static final String SG = "https://w3id.org/symptomgraph/ontology#";
    public static final String ONTOLOGY = "https://w3id.org/symptomgraph/ontology";
    public static final String SCHEMA = "https://schema.org/";
    public static final String PROV = "http://www.w3.org/ns/prov#";

    // symptomgraph
    public static final Resource SourceDocument = sg("SourceDocument");
    public static final Resource DocumentGraph = sg("DocumentGraph");
    public static final Resource CauseCategory = sg("CauseCategory");
    public static final Resource Activity = sg("Activity");
    public static final Property categoryOf = sgProperty("categoryOf");
    public static final Property inCategory = sgProperty("inCategory");
    public static final Property position = sgProperty("position");
    public static final Property inferred = sgProperty("inferred");
    public static final Property bodySite = sgProperty("bodySite");
    public static final Property agentClass = sgProperty("agentClass");
    public static final Property abbreviation = sgProperty("abbreviation");
    // lookup keys (see NameKey): index entries for finding an entity by name, not names to show
    public static final Property nameKey = sgProperty("nameKey");
    public static final Property brandKey = sgProperty("brandKey");
    public static final Resource StatisticsGraph = sg("StatisticsGraph");
    public static final Property symptomCount = sgProperty("symptomCount");
    public static final Property symptomRank = sgProperty("symptomRank");
    public static final Property entityCount = sgProperty("entityCount");
    public static final Property unlinkedCount = sgProperty("unlinkedCount");
    public static final Property unlinkedEntity = sgProperty("unlinkedEntity");
    public static final Property causeCount = sgProperty("causeCount");
    public static final Property directCauseCount = sgProperty("directCauseCount");
    public static final Property categoryPath = sgProperty("categoryPath");
    public static final Property otherBrandsExist = sgProperty("otherBrandsExist");
    public static final Property mechanism = sgProperty("mechanism");
    public static final Property disclaimer = sgProperty("disclaimer");
    public static final Property sourceFile = sgProperty("sourceFile");
    // how a page groups and qualifies its causes
    public static final Property frequency = sgProperty("frequency");
    public static final Resource FrequencyScheme = sg("FrequencyScheme");
    public static final Property leadIn = sgProperty("leadIn");
    public static final Property detail = sgProperty("detail");
    public static final Property dueTo = sgProperty("dueTo");
    public static final Property contentSha256 = sgProperty("contentSha256");
    // evidence: one record per "X may cause Y" a document makes
    public static final Resource CauseAssertion = sg("CauseAssertion");
    public static final Property assertedSymptom = sgProperty("assertedSymptom");
    public static final Property assertedCause = sgProperty("assertedCause");
    public static final Property assertedCategory = sgProperty("assertedCategory");
    public static final Property evidenceText = sgProperty("evidenceText");
    public static final Property evidenceLine = sgProperty("evidenceLine");

    // schema.org
    public static final Resource MedicalSignOrSymptom = schema("MedicalSignOrSymptom");
    public static final Resource MedicalCause = schema("MedicalCause");
    public static final Resource MedicalCondition = schema("MedicalCondition");
    public static final Resource InfectiousDisease = schema("InfectiousDisease");
    public static final Resource Drug = schema("Drug");
    public static final Resource AnatomicalStructure = schema("AnatomicalStructure");
    public static final Resource DrugClass = schema("DrugClass");
    public static final Property drugClass = schemaProperty("drugClass");
    public static final Property cause = schemaProperty("cause");
    public static final Property about = schemaProperty("about");
    public static final Property proprietaryName = schemaProperty("proprietaryName");
    public static final Property softwareVersion = schemaProperty("softwareVersion");

    // PROV-O
    public static final Resource ProvEntity = ResourceFactory.createResource(PROV + "Entity");
    public static final Resource ProvActivity = ResourceFactory.createResource(PROV + "Activity");
    public static final Resource SoftwareAgent = ResourceFactory.createResource(PROV + "SoftwareAgent");
    public static final Property wasDerivedFrom = ResourceFactory.createProperty(PROV, "wasDerivedFrom");
    public static final Property wasGeneratedBy = ResourceFactory.createProperty(PROV, "wasGeneratedBy");
    public static final Property used = ResourceFactory.createProperty(PROV, "used");
    public static final Property wasAssociatedWith = ResourceFactory.createProperty(PROV, "wasAssociatedWith");
    public static final Property endedAtTime = ResourceFactory.createProperty(PROV, "endedAtTime");

    private Vocab() {
    }

    /** Those prefixes (all but sgr:) as SPARQL PREFIX lines, for queries written in code. */
    public static final String SPARQL_PREFIXES = sparqlPrefixes();

    private static String sparqlPrefixes() {
        StringBuilder lines = new StringBuilder();
        prefixes("urn:x-unused:").getNsPrefixMap().forEach((prefix, ns) -> {
            if (!prefix.equals("sgr")) {
                lines.append("PREFIX ").append(prefix).append(": <").append(ns).append(">\n");
            }
        });
        return lines.toString();
    }

    /** The prefixes every file the project writes uses, with {@code sgr:} for the data base. */
    public static PrefixMapping prefixes(String base) {
        return PrefixMapping.Factory.create()
                .setNsPrefix("sg", SG)
                .setNsPrefix("sgr", base)
                .setNsPrefix("schema", SCHEMA)
                .setNsPrefix("skos", SKOS.uri)
                .setNsPrefix("prov", PROV)
                .setNsPrefix("dct", DCTerms.NS)
                .setNsPrefix("rdfs", RDFS.uri)
                .setNsPrefix("rdf", RDF.uri)
                .setNsPrefix("xsd", XSD.NS)
                .lock();
    }

    public static Resource schema(String localName) {
        return ResourceFactory.createResource(SCHEMA + localName);
    }

    private static Property schemaProperty(String localName) {
        return ResourceFactory.createProperty(SCHEMA, localName);
    }

    /** The concept of the frequency scheme for one frequency: sg:MostCommon, sg:Common, … sg:OtherCauses. */
    public static Resource frequency(org.symptomgraph.model.Frequency f) {
        return sg(switch (f) {
            case MOST_COMMON -> "MostCommon";
            case COMMON -> "Common";
            case LESS_COMMON -> "LessCommon";
            case RARE -> "Rare";
            case OTHER -> "OtherCauses";
        });
    }

    private static Resource sg(String localName) {
        return ResourceFactory.createResource(SG + localName);
    }

    private static Property sgProperty(String localName) {
        return ResourceFactory.createProperty(SG, localName);
    }
}
