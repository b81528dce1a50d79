package dev.brook.api.connector.source;

/** A piece of a source's input (a file, a range of numbers, a partition) handed to one reader. */
public interface SourceSplit {
    String splitId();
}
