package org.symptomgraph.links;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The vocabularies the link table may point into, each with the identifier forms it accepts and the
 * one standard IRI form its identifiers are written as.
 *
 * <p>The vocabulary names are the ones {@code xrefs.tsv} (the checked reference data) uses, so a
 * table row can be compared with its reference row as it stands. Identifiers are accepted as the
 * reference data writes them, which differs by source: DOID writes {@code NCI:C3446} and
 * {@code SNOMEDCT_US_2025_09_01:234490009}, MONDO writes {@code NCIT:C3446} and {@code SCTID:36653000},
 * HPO writes a bare {@code C0031256}. Each form maps to the same IRI.
 *
 * <p>How the IRI form was chosen, in this order:
 * <ol>
 * <li>The vocabulary's own persistent IRIs, when it publishes them:
 *   <ul>
 *   <li>OBO Foundry PURLs {@code http://purl.obolibrary.org/obo/{PREFIX}_{id}} for HPO, DOID, MONDO,
 *       NCIt (the OBO edition of the NCI Thesaurus, which is how DOID and MONDO cite it), ChEBI and
 *       UBERON;</li>
 *   <li>EFO's own {@code http://www.ebi.ac.uk/efo/EFO_{id}};</li>
 *   <li>MeSH RDF, NLM's {@code http://id.nlm.nih.gov/mesh/{id}} (also the form the identifiers.org
 *       registry gives for its {@code mesh} namespace);</li>
 *   <li>SNOMED CT's URI standard {@code http://snomed.info/id/{sctid}}: the concept id only, so
 *       DOID's edition prefix ({@code SNOMEDCT_US_2025_09_01:}) is dropped;</li>
 *   <li>Orphanet's ORDO IRIs {@code http://www.orpha.net/ORDO/Orphanet_{id}} (the expansion MONDO's
 *       SSSOM curie map uses);</li>
 *   <li>Wikidata's entity IRIs {@code http://www.wikidata.org/entity/Q{n}}.</li>
 *   </ul></li>
 * <li>Otherwise identifiers.org, {@code https://identifiers.org/{prefix}:{id}}, for the namespaces its
 *     registry has: {@code umls}, {@code drugbank}, {@code pharmgkb.drug}, {@code atc}, {@code medgen},
 *     {@code meddra}, {@code mim} (OMIM) and {@code icd} (WHO ICD-10).</li>
 * <li>Otherwise the BioPortal PURL, for the two vocabularies identifiers.org has no namespace for and
 *     that publish no IRIs of their own: ICD-10-CM, as MONDO's own ICD-10-CM mapping set expands
 *     {@code ICD10CM:} ({@code http://purl.bioontology.org/ontology/ICD10CM/}), and RxNorm in the same
 *     BioPortal form ({@code http://purl.bioontology.org/ontology/RXNORM/}).</li>
 * </ol>
 * Not supported, so a row using them is rejected: GARD (no identifiers.org namespace, and its web
 * pages are not persistent identifiers), ICD-9-CM and ICD-O (superseded or morphology-only codes,
 * not used by the table), and {@code DOID (historical)} (a 2016 release, likely obsolete).
 *
 * <p>The identifiers.org namespaces were checked against the registry's own list (as mirrored by the
 * Bioregistry): it has {@code umls}, {@code drugbank}, {@code pharmgkb.drug}, {@code atc}, {@code medgen},
 * {@code meddra}, {@code mim}, {@code icd} and {@code mesh}, and none for ICD-10-CM, RxNorm or GARD.
 */
public final class Vocabularies {

    /**
     * One vocabulary.
     *
     * @param name              the name, as in xrefs.tsv and the table's {@code vocabulary} column
     * @param id                the accepted identifier forms; group 1 is the local identifier
     * @param iriPrefix         the standard IRI is this followed by the local identifier
     * @param bioregistryPrefix the vocabulary's prefix in the Bioregistry, for {@link #registryIri()}
     * @param example           an identifier as the reference data writes it
     */
    public record Vocabulary(String name, Pattern id, String iriPrefix, String bioregistryPrefix, String example) {

        /** Whether {@code identifier} is one of this vocabulary's accepted forms. */
        public boolean accepts(String identifier) {
            return id.matcher(identifier).matches();
        }

        /** The identifier without prefix or edition, such as {@code 36653000} for {@code SCTID:36653000}. */
        public String localId(String identifier) {
            Matcher m = id.matcher(identifier);
            if (!m.matches()) {
                throw new IllegalArgumentException("not a " + name + " identifier: '" + identifier + "' (expected e.g. "
                        + example + ")");
            }
            return m.group(1);
        }

        /** The standard IRI of the identifier. */
        public String iri(String identifier) {
            return iriPrefix + localId(identifier);
        }

        /** The vocabulary itself, as the Bioregistry names it: the value of {@code sssom:object_source}. */
        public String registryIri() {
            return "https://bioregistry.io/registry/" + bioregistryPrefix;
        }
    }

    private static final String OBO = "http://purl.obolibrary.org/obo/";
    private static final String IDENTIFIERS = "https://identifiers.org/";
    private static final String BIOPORTAL = "http://purl.bioontology.org/ontology/";

    private static final Map<String, Vocabulary> BY_NAME = new LinkedHashMap<>();

    static {
        add("HPO", "HP:(\\d{7})", OBO + "HP_", "hp", "HP:0000967");
        add("DOID", "DOID:(\\d{1,7})", OBO + "DOID_", "doid", "DOID:0080827");
        add("SYMP", "SYMP:(\\d{7})", OBO + "SYMP_", "symp", "SYMP:0000760");
        add("MONDO", "MONDO:(\\d{7})", OBO + "MONDO_", "mondo", "MONDO:0005132");
        add("NCIT", "(?:NCIT|NCI):(C\\d+)", OBO + "NCIT_", "ncit", "NCIT:C3408");
        add("ChEBI", "CHEBI:(\\d+)", OBO + "CHEBI_", "chebi", "CHEBI:8107");
        add("UBERON", "UBERON:(\\d{7})", OBO + "UBERON_", "uberon", "UBERON:0001456");
        add("EFO", "EFO:(\\d{7})", "http://www.ebi.ac.uk/efo/EFO_", "efo", "EFO:0001062");
        // Descriptors (D) and supplementary concepts (C): 6 digits, 9 for newer ones (D000086382).
        add("MeSH", "(?:MESH|mesh):([CD]\\d{6}(?:\\d{3})?)", "http://id.nlm.nih.gov/mesh/", "mesh", "MESH:D003586");
        // SCTIDs are 6 to 18 digits; DOID adds the US edition it read them from.
        add("SNOMED CT", "(?:SNOMEDCT_US_\\d{4}_\\d{2}_\\d{2}|SCTID):(\\d{6,18})", "http://snomed.info/id/", "snomedct",
                "SNOMEDCT_US_2025_09_01:28944009");
        add("UMLS", "(?:UMLS_CUI:|UMLS:)?(C\\d{7})", IDENTIFIERS + "umls:", "umls", "UMLS_CUI:C0010823");
        // The Bioregistry's icd10cm pattern: a category, a subdivision of up to 4 characters, or a range.
        add("ICD-10-CM", "ICD10CM:([A-Z][0-9][0-9AB](?:-[A-Z][0-9][0-9AB]|\\.[0-9A-KXZ](?:[0-9A-EXYZ](?:[0-9A-HX]"
                + "[0-59A-HJKMNP-S]?)?)?)?)", BIOPORTAL + "ICD10CM/", "icd10cm", "ICD10CM:B25");
        add("ICD-10 (WHO)", "ICD10WHO:([A-Z]\\d{2}(?:\\.\\d{1,2})?)", IDENTIFIERS + "icd:", "icd10", "ICD10WHO:B27");
        add("DrugBank", "(DB\\d{5})", IDENTIFIERS + "drugbank:", "drugbank", "DB00252");
        add("RxNorm", "(?:RxNorm|RXNORM):(\\d+)", BIOPORTAL + "RXNORM/", "rxnorm", "RxNorm:8183");
        add("PharmGKB", "(PA\\d+)", IDENTIFIERS + "pharmgkb.drug:", "pharmgkb.drug", "PA450947");
        // The five ATC levels: N, N03, N03A, N03AB, N03AB02.
        add("ATC", "([A-Z](?:\\d{2}(?:[A-Z](?:[A-Z](?:\\d{2})?)?)?)?)", IDENTIFIERS + "atc:", "atc", "N03AB02");
        add("MedGen", "MEDGEN:((?:CN?|N)?\\d+)", IDENTIFIERS + "medgen:", "medgen", "MEDGEN:8239");
        add("MedDRA", "MEDDRA:(\\d{8})", IDENTIFIERS + "meddra:", "meddra", "MEDDRA:10034754");
        add("OMIM", "(?:MIM|OMIM):(\\d{6})", IDENTIFIERS + "mim:", "omim", "MIM:188030");
        add("Orphanet", "(?:ORDO|Orphanet|ORPHA):(\\d+)", "http://www.orpha.net/ORDO/Orphanet_", "orphanet", "ORDO:852");
        add("Wikidata", "(?:wikidata:|wd:)?(Q\\d+)", "http://www.wikidata.org/entity/", "wikidata", "Q42");
    }

    private Vocabularies() {
    }

    private static void add(String name, String idRegex, String iriPrefix, String bioregistryPrefix, String example) {
        Vocabulary v = new Vocabulary(name, Pattern.compile(idRegex), iriPrefix, bioregistryPrefix, example);
        if (!v.accepts(example)) {
            throw new IllegalStateException(name + ": the example " + example + " does not match " + idRegex);
        }
        BY_NAME.put(name, v);
    }

    /** The vocabulary of that name (as in xrefs.tsv), if supported. */
    public static Optional<Vocabulary> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** Every supported vocabulary, in a stable order. */
    public static Collection<Vocabulary> all() {
        return Collections.unmodifiableCollection(BY_NAME.values());
    }

    /**
     * The standard IRI of an identifier.
     *
     * @throws IllegalArgumentException if the vocabulary is not supported or the identifier is not in
     *         one of its forms
     */
    public static String iri(String vocabulary, String identifier) {
        return byName(vocabulary)
                .orElseThrow(() -> new IllegalArgumentException("unknown vocabulary '" + vocabulary + "'"))
                .iri(identifier);
    }
}
