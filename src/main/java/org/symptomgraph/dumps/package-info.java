/**
 * The dataset's dumps, as linked-data datasets offer them: the current view as gzip Turtle and
 * every stored graph as gzip N-Quads, written beside the database ({@link Dumps}) and made again
 * in the background after each import that changed the data ({@link DumpMaker}). The server
 * serves them with range requests and links them from its VoID description.
 */
package org.symptomgraph.dumps;
