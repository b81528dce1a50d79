package dev.brook.core.execution;

import dev.brook.annotation.Internal;
import dev.brook.runtime.jobgraph.JobGraph;
import java.util.concurrent.CompletableFuture;

/** Runs job graphs somewhere: an embedded MiniCluster or a remote cluster. */
@Internal
public interface PipelineExecutor {

    /** Submits the job; the future completes once it has been accepted. */
    CompletableFuture<JobClient> execute(JobGraph jobGraph, ClassLoader userCodeClassLoader);
}
