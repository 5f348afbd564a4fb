/**
 * The {@code symptomgraph} command line ({@link org.symptomgraph.cli.Main}, with picocli): one
 * class per command ({@code import}, {@code serve}, {@code query} and the others), their shared
 * options, the console's progress and summary, and {@link org.symptomgraph.cli.UserError} for a
 * mistake of the user's, reported in one line without a stack trace.
 *
 * <p>The top of the product: may depend on every other package of it; nothing of the product
 * depends on this one.
 */
package org.symptomgraph.cli;
