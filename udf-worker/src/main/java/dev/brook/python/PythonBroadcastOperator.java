package dev.brook.python;

import dev.brook.api.common.state.MapStateDescriptor;
import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.common.typeutils.base.array.BytePrimitiveArraySerializer;
import dev.brook.streaming.runtime.operators.Input;
import dev.brook.streaming.runtime.operators.OperatorFactory;
import dev.brook.streaming.runtime.operators.OperatorParameters;
import dev.brook.streaming.runtime.operators.TwoInputStreamOperator;
import dev.brook.streaming.runtime.operators.TwoInputs;
import dev.brook.util.OutputTag;
import java.util.List;

/**
 * Runs a Python {@code BroadcastProcessFunction} or {@code KeyedBroadcastProcessFunction} (and the
 * functions fused after it) in the slot's Python worker: input 1 is the non-broadcast stream, keyed
 * or not, input 2 the broadcast stream, whose elements reach every subtask and belong to no key.
 * Both inputs' rows travel in the same batches, so the function sees them in arrival order; the
 * broadcast states live in the operator state backend (see {@link AbstractPythonOperator}). Add it
 * with {@code stream.connect(broadcastStream).transform(name, outType, factory)}.
 */
public final class PythonBroadcastOperator<IN1, IN2, OUT> extends AbstractPythonOperator<OUT>
        implements TwoInputStreamOperator<IN1, IN2, OUT> {

    private final TwoInputs inputs = new TwoInputs(this);
    private final Input<IN1> input1 = inputs.input(1, this::addRecord);
    private final Input<IN2> input2 = inputs.input(2, this::addBroadcastRecord);

    private PythonBroadcastOperator(
            OperatorParameters<OUT> parameters,
            List<PythonFunctionSpec> chain,
            TypeInformation<IN1> inType,
            TypeInformation<IN2> broadcastType,
            List<String> broadcastStates,
            TypeInformation<OUT> outType,
            List<OutputTag<Object>> sideOutputs) {
        super(parameters, chain, inType, broadcastType, broadcastStates, outType, sideOutputs);
    }

    /**
     * The factory of an operator running {@code chain} (whose first function handles both inputs)
     * on records of {@code inType} (on a keyed stream: {@code Tuple2(key, value)}) and broadcast
     * elements of {@code broadcastType}, with the broadcast states named {@code broadcastStates},
     * emitting records of {@code outType} and to {@code sideOutputs}.
     */
    public static <IN1, IN2, OUT> OperatorFactory<OUT> factory(
            List<PythonFunctionSpec> chain,
            TypeInformation<IN1> inType,
            TypeInformation<IN2> broadcastType,
            List<String> broadcastStates,
            TypeInformation<OUT> outType,
            List<OutputTag<?>> sideOutputs) {
        List<OutputTag<Object>> tags =
                validate(chain, List.of(inType, broadcastType, outType), sideOutputs);
        return new Factory<>(
                List.copyOf(chain),
                inType,
                broadcastType,
                List.copyOf(broadcastStates),
                outType,
                tags);
    }

    private record Factory<IN1, IN2, OUT>(
            List<PythonFunctionSpec> chain,
            TypeInformation<IN1> inType,
            TypeInformation<IN2> broadcastType,
            List<String> broadcastStates,
            TypeInformation<OUT> outType,
            List<OutputTag<Object>> sideOutputs)
            implements OperatorFactory<OUT> {
        @Override
        public PythonBroadcastOperator<IN1, IN2, OUT> create(OperatorParameters<OUT> parameters) {
            return new PythonBroadcastOperator<>(
                    parameters,
                    chain,
                    inType,
                    broadcastType,
                    broadcastStates,
                    outType,
                    sideOutputs);
        }
    }

    /**
     * The descriptor of the broadcast state {@code name} of a Python broadcast operator: pickled
     * map keys to pickled values. Pass these to {@code DataStream.broadcast(...)}.
     */
    public static MapStateDescriptor<PythonKey, byte[]> stateDescriptor(String name) {
        return new MapStateDescriptor<>(
                name, PythonKeyedState.BYTES, BytePrimitiveArraySerializer.INSTANCE);
    }

    @Override
    public Input<IN1> input1() {
        return input1;
    }

    @Override
    public Input<IN2> input2() {
        return input2;
    }
}
