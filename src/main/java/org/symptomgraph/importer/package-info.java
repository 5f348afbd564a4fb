/**
 * The import job as a library: {@link org.symptomgraph.importer.Importer} (a builder of typed
 * settings) reads documents, makes their named graphs and stores them, telling an
 * {@link org.symptomgraph.importer.ImportListener} as it goes and returning an
 * {@link org.symptomgraph.importer.ImportReport}. The command line, {@code serve}'s first fill, the
 * admin route and the benchmarks all import through it.
 *
 * <p>May depend on {@code importer.page}, {@code importer.reading}, {@code model}, {@code rdf},
 * {@code links} and {@code store}; nothing here knows about the command line or the server.
 */
package org.symptomgraph.importer;
