package dev.brook.connector.file.src;

import dev.brook.api.connector.source.SourceSplit;

/** One file to read, and how many of its records were already read. */
public final class FileSourceSplit implements SourceSplit {

    private final String id;
    private final String path;
    private long recordsRead;

    public FileSourceSplit(String id, String path, long recordsRead) {
        this.id = id;
        this.path = path;
        this.recordsRead = recordsRead;
    }

    @Override
    public String splitId() {
        return id;
    }

    public String path() {
        return path;
    }

    public long recordsRead() {
        return recordsRead;
    }

    void advance() {
        recordsRead++;
    }

    @Override
    public String toString() {
        return "FileSourceSplit{" + path + " @ " + recordsRead + "}";
    }
}
