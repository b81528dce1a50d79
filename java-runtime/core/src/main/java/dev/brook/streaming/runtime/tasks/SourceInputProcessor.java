package dev.brook.streaming.runtime.tasks;

import dev.brook.core.io.InputStatus;
import dev.brook.streaming.runtime.operators.SourceOperator;
import java.util.concurrent.CompletableFuture;

/** The input of a source task: its source operator's reader. */
final class SourceInputProcessor implements InputProcessor {

    private final SourceOperator<?, ?> source;

    SourceInputProcessor(SourceOperator<?, ?> source) {
        this.source = source;
    }

    @Override
    public DataInputStatus processInput() throws Exception {
        InputStatus status = source.emitNext();
        return switch (status) {
            case MORE_AVAILABLE -> DataInputStatus.MORE_AVAILABLE;
            case NOTHING_AVAILABLE -> DataInputStatus.NOTHING_AVAILABLE;
            case END_OF_INPUT -> DataInputStatus.END_OF_INPUT;
        };
    }

    @Override
    public CompletableFuture<?> getAvailableFuture() {
        return source.getAvailableFuture();
    }

    @Override
    public void close() {}
}
