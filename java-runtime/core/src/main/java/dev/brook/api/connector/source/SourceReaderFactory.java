package dev.brook.api.connector.source;

import java.io.Serializable;

/** Creates the reader of one parallel source instance. */
public interface SourceReaderFactory<T, SplitT extends SourceSplit> extends Serializable {
    SourceReader<T, SplitT> createReader(SourceReaderContext readerContext) throws Exception;
}
