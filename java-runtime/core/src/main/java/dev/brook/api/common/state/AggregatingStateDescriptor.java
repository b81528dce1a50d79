package dev.brook.api.common.state;

import dev.brook.api.common.functions.AggregateFunction;
import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.common.typeutils.TypeSerializer;
import java.util.Objects;

/** Describes an {@link AggregatingState}; the type given is the accumulator type. */
public class AggregatingStateDescriptor<IN, ACC, OUT>
        extends StateDescriptor<AggregatingState<IN, OUT>, ACC> {
    private static final long serialVersionUID = 1L;

    private final AggregateFunction<IN, ACC, OUT> aggFunction;

    public AggregatingStateDescriptor(
            String name, AggregateFunction<IN, ACC, OUT> aggFunction, Class<ACC> accType) {
        super(name, accType);
        this.aggFunction = Objects.requireNonNull(aggFunction);
    }

    public AggregatingStateDescriptor(
            String name,
            AggregateFunction<IN, ACC, OUT> aggFunction,
            TypeInformation<ACC> accTypeInfo) {
        super(name, accTypeInfo);
        this.aggFunction = Objects.requireNonNull(aggFunction);
    }

    public AggregatingStateDescriptor(
            String name,
            AggregateFunction<IN, ACC, OUT> aggFunction,
            TypeSerializer<ACC> accSerializer) {
        super(name, accSerializer);
        this.aggFunction = Objects.requireNonNull(aggFunction);
    }

    public AggregateFunction<IN, ACC, OUT> getAggregateFunction() {
        return aggFunction;
    }

    @Override
    public Type getType() {
        return Type.AGGREGATING;
    }
}
