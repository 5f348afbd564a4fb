/**
 * Tests of the page readers: HTML furniture dropped, structure kept, every block knowing its line.
 *
 * <p>May depend on {@code importer.page} and jsoup only, as the package under test does.
 */
package org.symptomgraph.importer.page;
