package dev.brook.streaming.runtime.tasks;

import dev.brook.streaming.runtime.streamrecord.CheckpointBarrier;

/**
 * Decides when a task with network inputs takes its snapshot: once the barrier of a checkpoint has
 * arrived on every channel of every input (a finished channel counts as arrived: nothing more comes
 * from it).
 *
 * <p>Exactly-once: a channel whose barrier is in stops being read until the others have theirs
 * (alignment), so the snapshot reflects exactly the records before the barriers. At-least-once: no
 * channel is blocked; records after a barrier on a fast channel may be in the snapshot and are
 * replayed after a restore.
 *
 * <p>A newer barrier ends an alignment that has not completed (that checkpoint can no longer
 * complete; the coordinator aborts it). Barriers of older checkpoints are ignored.
 *
 * <p>Threading model: task thread only.
 */
final class CheckpointBarrierHandler {

    /** Takes the task's snapshot and passes the barrier on. */
    @FunctionalInterface
    interface SnapshotTrigger {
        void triggerCheckpoint(CheckpointBarrier barrier) throws Exception;
    }

    private final GateReader[] readers;
    private final int[] firstChannel;
    private final boolean exactlyOnce;
    private final SnapshotTrigger trigger;
    private final boolean[] arrived;
    private final boolean[] finished;
    private int finishedChannels;

    private CheckpointBarrier current;
    private long currentId = -1;

    /** Channels that have their barrier or have finished, for the current alignment. */
    private int satisfied;

    CheckpointBarrierHandler(GateReader[] readers, boolean exactlyOnce, SnapshotTrigger trigger) {
        this.readers = readers;
        this.exactlyOnce = exactlyOnce;
        this.trigger = trigger;
        this.firstChannel = new int[readers.length];
        int total = 0;
        for (int g = 0; g < readers.length; g++) {
            firstChannel[g] = total;
            total += readers[g].numberOfChannels();
        }
        this.arrived = new boolean[total];
        this.finished = new boolean[total];
    }

    /** A barrier arrived on channel {@code channel} of gate {@code gate}. */
    void onBarrier(CheckpointBarrier barrier, int gate, int channel) throws Exception {
        long id = barrier.checkpointId();
        if (id > currentId) {
            start(barrier);
        } else if (id < currentId || current == null) {
            return; // an older checkpoint, or one this task has already taken
        }
        int index = firstChannel[gate] + channel;
        if (arrived[index]) {
            return;
        }
        arrived[index] = true;
        satisfied++;
        if (exactlyOnce) {
            readers[gate].block(channel);
        }
        completeIfAligned();
    }

    /** Channel {@code channel} of gate {@code gate} has ended. */
    void onEndOfPartition(int gate, int channel) throws Exception {
        int index = firstChannel[gate] + channel;
        finished[index] = true;
        finishedChannels++;
        if (current != null && !arrived[index]) {
            satisfied++;
            completeIfAligned();
        }
    }

    /**
     * The coordinator triggered this task directly because all its upstream tasks have finished: no
     * barrier will come, so the checkpoint is taken once every channel has ended, after all
     * remaining input is processed.
     */
    void triggerAtEndOfInput(CheckpointBarrier barrier) throws Exception {
        if (barrier.checkpointId() > currentId) {
            start(barrier);
            completeIfAligned();
        }
    }

    private void start(CheckpointBarrier barrier) {
        if (current != null) {
            unblockAll();
        }
        current = barrier;
        currentId = barrier.checkpointId();
        java.util.Arrays.fill(arrived, false);
        satisfied = finishedChannels;
    }

    private void completeIfAligned() throws Exception {
        if (satisfied < arrived.length) {
            return;
        }
        CheckpointBarrier barrier = current;
        current = null;
        // The snapshot is taken before any element after the barriers is processed; unblocking
        // only makes those elements readable again.
        unblockAll();
        trigger.triggerCheckpoint(barrier);
    }

    private void unblockAll() {
        for (GateReader r : readers) {
            r.unblockAll();
        }
    }
}
