package dev.brook.runtime.source.coordinator;

import dev.brook.api.connector.source.Source;
import dev.brook.runtime.operators.coordination.OperatorCoordinator;
import dev.brook.runtime.operators.coordination.OperatorCoordinatorProvider;

/** Creates the {@link SourceCoordinator} of one source operator. */
public record SourceCoordinatorProvider(String operatorId, Source<?, ?, ?> source)
        implements OperatorCoordinatorProvider {

    @Override
    public OperatorCoordinator create(OperatorCoordinator.Context context) {
        return new SourceCoordinator<>(source, context);
    }
}
