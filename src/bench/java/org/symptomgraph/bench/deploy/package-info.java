/**
 * The deployment of {@code deploy/} as processes on free loopback ports (docs/deploy.md): read
 * replicas of the packaged jar ({@link org.symptomgraph.bench.deploy.Replica}) behind HAProxy and
 * Varnish ({@link org.symptomgraph.bench.deploy.Front}, Debian packages). The front-end benchmark
 * measures it; the front-end test ({@code FrontEndIT}) checks it with the same code.
 *
 * <p>May depend on {@code bench} (ports, the product jar) and on Jena's JSON parser.
 */
package org.symptomgraph.bench.deploy;
