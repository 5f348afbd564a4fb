package org.symptomgraph.importer.page;

import java.util.List;

/**
 * Reads one format of page (plain text, HTML) into the blocks of its layout. Readers are found
 * through {@link DocumentFormats}, by a file's name or, failing that, by its first bytes; a new
 * format is a class implementing this, listed in {@code META-INF/services}.
 */
public interface PageReader {

    /** The format's short name, as messages and the import report show it: "text", "html". */
    String format();

    /** File name endings of this format, lower case, with the dot: ".txt". */
    List<String> extensions();

    /** Whether a file whose name says nothing starts like this format. */
    boolean sniff(byte[] bytes);

    /**
     * The page's blocks; its bytes are decoded and checked here.
     *
     * @throws DocumentException naming the file and line, when the bytes are not a page of this format
     */
    Page read(String name, byte[] bytes) throws DocumentException;
}
