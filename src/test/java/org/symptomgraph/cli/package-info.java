/**
 * Tests of the command line, run in-process as a user would run it: each command's output, exit
 * status and one-line errors, a folder of 1,000 generated pages imported, backup and restore, and
 * import into a running server.
 *
 * <p>May depend on the product, the corpus generator ({@code bench}) and {@code testing}.
 */
package org.symptomgraph.cli;
