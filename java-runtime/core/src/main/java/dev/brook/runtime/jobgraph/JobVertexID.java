package dev.brook.runtime.jobgraph;

import java.io.Serializable;
import java.util.UUID;

/** Identity of a vertex of the job graph (an operator chain). */
public record JobVertexID(String id) implements Serializable {
    public static JobVertexID generate() {
        return new JobVertexID(UUID.randomUUID().toString().replace("-", ""));
    }

    @Override
    public String toString() {
        return id;
    }
}
