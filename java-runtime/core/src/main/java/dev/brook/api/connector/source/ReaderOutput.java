package dev.brook.api.connector.source;

/** The output handed to {@link SourceReader#pollNext}. */
public interface ReaderOutput<T> extends SourceOutput<T> {
    /** An output for one split, whose watermarks are tracked separately. */
    SourceOutput<T> createOutputForSplit(String splitId);

    void releaseOutputForSplit(String splitId);
}
