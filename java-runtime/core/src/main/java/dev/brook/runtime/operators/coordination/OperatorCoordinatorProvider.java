package dev.brook.runtime.operators.coordination;

import java.io.Serializable;

/** Creates the JobMaster-side coordinator of one operator (e.g. a source's split enumerator). */
public interface OperatorCoordinatorProvider extends Serializable {

    String operatorId();

    OperatorCoordinator create(OperatorCoordinator.Context context) throws Exception;
}
