package dev.brook.api.common.state;

import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.common.typeutils.TypeSerializer;

/** Describes a {@link ListState}; the type given is the element type. */
public class ListStateDescriptor<T> extends StateDescriptor<ListState<T>, T> {
    private static final long serialVersionUID = 1L;

    public ListStateDescriptor(String name, Class<T> elementType) {
        super(name, elementType);
    }

    public ListStateDescriptor(String name, TypeInformation<T> elementType) {
        super(name, elementType);
    }

    public ListStateDescriptor(String name, TypeSerializer<T> elementSerializer) {
        super(name, elementSerializer);
    }

    public TypeInformation<T> getElementTypeInformation() {
        return getTypeInformation();
    }

    @Override
    public Type getType() {
        return Type.LIST;
    }
}
