/**
 * DESCRIBE answered from the current view (the default graph), for serve and for the stock
 * Fuseki server alike. Depends on Apache Jena only, so that it can run inside Fuseki's own jar.
 */
package org.symptomgraph.describe;
