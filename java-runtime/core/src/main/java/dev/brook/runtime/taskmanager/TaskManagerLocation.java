package dev.brook.runtime.taskmanager;

import dev.brook.runtime.clusterframework.ResourceID;
import java.io.Serializable;

/** Where a TaskManager runs and where its data port is. */
public record TaskManagerLocation(ResourceID resourceId, String host, int dataPort)
        implements Serializable {}
