package org.symptomgraph.importer.page;

/** A document that cannot be imported; the message names the file and, where known, the line. */
public class DocumentException extends Exception {

    private final String file;
    private final int line;

    public DocumentException(String file, int line, String problem) {
        super(line > 0 ? file + ":" + line + ": " + problem : file + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public DocumentException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.line = 0;
    }

    public String file() {
        return file;
    }

    /** 1-based line at fault, or 0 when the problem is the whole file. */
    public int line() {
        return line;
    }
}
