/**
 * Links from the graph's entities to public vocabularies, each with its SSSOM mapping record.
 *
 * <ul>
 * <li>Curated links: the table {@code data/links/links.tsv} ({@link org.symptomgraph.links.LinkTable},
 *     {@link org.symptomgraph.links.LinkGraph}) and edited curation files
 *     ({@link org.symptomgraph.links.SssomFile}), justified by {@code semapv:ManualMappingCuration}.</li>
 * <li>Lexical links, made at import: the {@link org.symptomgraph.links.Linker} matches names against
 *     the vocabulary tables of {@code data/vocab/} ({@link org.symptomgraph.links.VocabularyIndex}),
 *     normalised by {@link org.symptomgraph.links.NameNormaliser}, and adds the links to the document's
 *     own graph, so that re-importing a page replaces its links with it, in one transaction.</li>
 * <li>{@link org.symptomgraph.links.CuratedPrecedence}: curated links win over automatic ones of the
 *     same entity and vocabulary.</li>
 * <li>{@link org.symptomgraph.links.Vocabularies}: the vocabularies, their identifier forms and IRIs.</li>
 * </ul>
 * See docs/linking.md.
 *
 * <p>May depend on {@code rdf}, Apache Jena, Lucene's analysers and Commons CSV; not on the importer
 * or the store.
 */
package org.symptomgraph.links;
