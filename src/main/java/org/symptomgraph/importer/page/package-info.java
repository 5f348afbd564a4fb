/**
 * Pages as their formats give them: a {@link org.symptomgraph.importer.page.PageReader} per format
 * (plain text, HTML; more through {@code ServiceLoader}), chosen by
 * {@link org.symptomgraph.importer.page.DocumentFormats}, turns a file's bytes into the
 * {@link org.symptomgraph.importer.page.Block}s of its layout, each knowing its source line. Also
 * the importer's diagnostics: {@link org.symptomgraph.importer.page.DocumentException} (a document
 * that cannot be read, with file and line) and {@link org.symptomgraph.importer.page.Diagnostic} (a
 * warning).
 *
 * <p>Depends on jsoup only; it knows nothing of symptoms or causes.
 */
package org.symptomgraph.importer.page;
