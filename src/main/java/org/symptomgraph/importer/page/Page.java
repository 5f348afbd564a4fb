package org.symptomgraph.importer.page;

import java.util.List;
import java.util.Optional;

/**
 * A page as its reader found it: the blocks of its text in order, and what the page says about
 * itself apart from its text.
 *
 * @param name    the file name it was read from (messages and provenance)
 * @param format  the name of the format it was read as ("text", "html")
 * @param blocks  headings, list items and paragraphs, in page order
 * @param title   the page's own title where its format has one (an HTML {@code <title>})
 * @param address the page's address where the page records it (a {@code SOURCE:} line, an HTML
 *                canonical link)
 */
public record Page(String name, String format, List<Block> blocks, Optional<String> title, Optional<String> address) {

    public Page {
        blocks = List.copyOf(blocks);
    }
}
