package dev.brook.runtime.jobgraph;

import java.io.Serializable;

/** Identity of the data one job vertex produces for one consuming job edge. */
public record IntermediateDataSetID(String id) implements Serializable {
    @Override
    public String toString() {
        return id;
    }
}
