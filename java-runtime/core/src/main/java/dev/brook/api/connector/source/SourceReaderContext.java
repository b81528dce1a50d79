package dev.brook.api.connector.source;

import dev.brook.configuration.Configuration;

/** What a source reader can learn and ask for. */
public interface SourceReaderContext {
    /** Asks the enumerator for a split; the answer arrives through {@code addSplits}. */
    void sendSplitRequest();

    void sendSourceEventToCoordinator(SourceEvent sourceEvent);

    int getIndexOfSubtask();

    int currentParallelism();

    Configuration getConfiguration();

    String getLocalHostName();
}
