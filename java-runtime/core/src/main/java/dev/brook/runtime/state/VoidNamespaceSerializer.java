package dev.brook.runtime.state;

import dev.brook.api.common.typeutils.base.TypeSerializerSingleton;
import dev.brook.core.memory.DataInputView;
import dev.brook.core.memory.DataOutputView;

/** The namespace serializer of state that is not scoped further: writes nothing. */
public final class VoidNamespaceSerializer extends TypeSerializerSingleton<VoidNamespace> {

    private static final long serialVersionUID = 1L;

    public static final VoidNamespaceSerializer INSTANCE = new VoidNamespaceSerializer();

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public VoidNamespace createInstance() {
        return VoidNamespace.INSTANCE;
    }

    @Override
    public VoidNamespace copy(VoidNamespace from) {
        return from;
    }

    @Override
    public int getLength() {
        return 0;
    }

    @Override
    public void serialize(VoidNamespace record, DataOutputView target) {}

    @Override
    public VoidNamespace deserialize(DataInputView source) {
        return VoidNamespace.INSTANCE;
    }
}
