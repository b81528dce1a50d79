package dev.brook.python;

import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.streaming.runtime.operators.OneInputStreamOperator;
import dev.brook.streaming.runtime.operators.OperatorFactory;
import dev.brook.streaming.runtime.operators.OperatorParameters;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;
import dev.brook.util.OutputTag;
import java.util.List;

/**
 * Runs a fused chain of Python functions on one input in the slot's Python worker (see {@link
 * AbstractPythonOperator}). Add it with {@code stream.transform(name, outType,
 * PythonFunctionOperator.factory(chain, inType, outType))}.
 */
public final class PythonFunctionOperator<IN, OUT> extends AbstractPythonOperator<OUT>
        implements OneInputStreamOperator<IN, OUT> {

    private PythonFunctionOperator(
            OperatorParameters<OUT> parameters,
            List<PythonFunctionSpec> chain,
            TypeInformation<IN> inType,
            TypeInformation<OUT> outType,
            List<OutputTag<Object>> sideOutputs) {
        super(parameters, chain, inType, null, List.of(), outType, sideOutputs);
    }

    /**
     * The factory of an operator running {@code chain} on records of {@code inType} (on a keyed
     * stream: {@code Tuple2(key, value)}), emitting records of {@code outType}.
     */
    public static <IN, OUT> OperatorFactory<OUT> factory(
            List<PythonFunctionSpec> chain,
            TypeInformation<IN> inType,
            TypeInformation<OUT> outType) {
        return factory(chain, inType, outType, List.of());
    }

    /**
     * As {@link #factory(List, TypeInformation, TypeInformation)}, where a {@code process} function
     * may also emit to {@code sideOutputs} ({@code yield output_tag, value} in Python, matched by
     * tag id; each tag must carry its type). Read them with {@code getSideOutput(tag)}.
     */
    public static <IN, OUT> OperatorFactory<OUT> factory(
            List<PythonFunctionSpec> chain,
            TypeInformation<IN> inType,
            TypeInformation<OUT> outType,
            List<OutputTag<?>> sideOutputs) {
        List<OutputTag<Object>> tags = validate(chain, List.of(inType, outType), sideOutputs);
        return new Factory<>(List.copyOf(chain), inType, outType, tags);
    }

    private record Factory<IN, OUT>(
            List<PythonFunctionSpec> chain,
            TypeInformation<IN> inType,
            TypeInformation<OUT> outType,
            List<OutputTag<Object>> sideOutputs)
            implements OperatorFactory<OUT> {
        @Override
        public PythonFunctionOperator<IN, OUT> create(OperatorParameters<OUT> parameters) {
            return new PythonFunctionOperator<>(parameters, chain, inType, outType, sideOutputs);
        }
    }

    @Override
    public void processElement(StreamRecord<IN> element) throws Exception {
        addRecord(element);
    }

    @Override
    public void setKeyContextElement(StreamRecord<IN> record) throws Exception {
        setKeyContextElement1(record);
    }

    @Override
    public boolean isKeyed() {
        return isKeyed1();
    }
}
