/**
 * The deployment of {@code deploy/} tested end to end (docs/deploy.md): read replicas of the packaged
 * jar, each restored from the writer's backup, behind HAProxy and Varnish (Debian packages), all on
 * free loopback ports and stopped at the end. Run by failsafe after {@code package}; skipped where
 * {@code haproxy} or {@code varnishd} is missing.
 *
 * <p>May depend on {@code testing} and on {@code bench.deploy}, which starts the processes (the
 * front-end benchmark starts them too).
 */
package org.symptomgraph.deploy;
