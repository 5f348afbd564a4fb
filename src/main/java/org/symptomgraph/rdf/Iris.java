package org.symptomgraph.rdf;

import java.text.Normalizer;
import java.util.Locale;
import org.symptomgraph.model.CauseKind;

/**
 * Mints the graph's IRIs under one base: deterministic, readable, and the same for the same name in
 * every document ("Leukemia" on two pages is one node, {@code <base>cause/leukemia}).
 */
public final class Iris {

    public static final String DEFAULT_BASE = "https://w3id.org/symptomgraph/";

    private final String base;

    public Iris(String base) {
        if (!base.matches("^https?://[^\\s<>\"{}|\\\\^`]+/$")) {
            throw new IllegalArgumentException("the IRI base must be an http(s) IRI ending in '/': " + base);
        }
        this.base = base;
    }

    public String base() {
        return base;
    }

    public String symptom(String name) {
        return base + "symptom/" + slug(name);
    }

    /**
     * Categories are how one version of one page organises its causes, so they live under it: the
     * same heading on two pages, or in two versions, is two categories.
     */
    public String category(String documentId, String version, String categorySlug) {
        return documentVersion(documentId, version) + "/category/" + categorySlug;
    }

    /**
     * The evidence of one "cause may cause symptom" a document version makes: under the version,
     * named by the cause ({@code assertion/leukemia}), or by the cause and its category when the
     * document lists the cause in several ({@code assertion/aspirin/medicines}).
     */
    public String assertion(String documentId, String version, String localName) {
        return documentVersion(documentId, version) + "/assertion/" + localName;
    }

    public String cause(String label, CauseKind kind) {
        return base + (kind == CauseKind.DRUG ? "drug/" : "cause/") + slug(label);
    }

    /** A class of drugs a page names ("Antiviral drugs"), shared by every page that names it so. */
    public String drugClass(String name) {
        return base + "drug-class/" + slug(name);
    }

    public String anatomy(String name) {
        return base + "anatomy/" + slug(name);
    }

    /** The page, across its versions. */
    public String document(String id) {
        return base + "document/" + slug(id);
    }

    public String documentVersion(String id, String version) {
        return document(id) + "/" + version;
    }

    /** The named graph the importer makes from one document version. */
    public String graph(String id, String version) {
        return base + "graph/" + slug(id) + "/" + version;
    }

    /** The importer release that made a graph: {@code software/symptomgraph/0.1.0}. */
    public String software(String version) {
        return base + "software/symptomgraph/" + version.replaceAll("[^A-Za-z0-9.-]+", "-");
    }

    /** The named graph of the curated links to other vocabularies (data/links/links.tsv). */
    public String links() {
        return base + "graph/links";
    }

    /**
     * One curated mapping of the links graph: under {@code mapping/}, the entity's path, then the
     * vocabulary and the identifier, as slugs ({@code mapping/cause/rubella/snomed-ct/36653000}).
     *
     * @param entityPath the entity's path under the base, such as {@code cause/rubella}
     * @param vocabulary the vocabulary's name, such as {@code SNOMED CT}
     * @param localId    the identifier within the vocabulary, without prefix, such as {@code 36653000}
     */
    public String mapping(String entityPath, String vocabulary, String localId) {
        return base + "mapping/" + entityPath + "/" + slug(vocabulary) + "/" + slug(localId);
    }

    /**
     * A path segment from a name: letters and digits of any script, lower case, accents dropped,
     * everything else folded to single hyphens ("Coronavirus disease 2019" → coronavirus-disease-2019).
     */
    public static String slug(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).replaceAll("['’]", "").replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "unnamed" : s;
    }
}
