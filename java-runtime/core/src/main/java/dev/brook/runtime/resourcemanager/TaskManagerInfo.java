package dev.brook.runtime.resourcemanager;

import dev.brook.runtime.clusterframework.ResourceID;

/**
 * A registered TaskManager as the ResourceManager sees it.
 *
 * @param lastHeartbeat when it last reported, in epoch milliseconds
 * @param physicalMemory bytes of the machine's memory, -1 when unknown
 */
public record TaskManagerInfo(
        ResourceID resourceId,
        String host,
        int dataPort,
        int numberOfSlots,
        int freeSlots,
        long lastHeartbeat,
        int cpuCores,
        long physicalMemory) {}
