package dev.brook.api.common.state;

import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.api.common.typeutils.TypeSerializer;
import java.util.Map;

/** Describes a {@link MapState}. */
public class MapStateDescriptor<UK, UV> extends StateDescriptor<MapState<UK, UV>, Map<UK, UV>> {
    private static final long serialVersionUID = 1L;

    private final TypeInformation<UK> keyTypeInfo;
    private final TypeInformation<UV> valueTypeInfo;

    public MapStateDescriptor(
            String name, TypeInformation<UK> keyTypeInfo, TypeInformation<UV> valueTypeInfo) {
        super(name, Types.MAP(keyTypeInfo, valueTypeInfo));
        this.keyTypeInfo = keyTypeInfo;
        this.valueTypeInfo = valueTypeInfo;
    }

    public MapStateDescriptor(String name, Class<UK> keyClass, Class<UV> valueClass) {
        this(name, TypeInformation.of(keyClass), TypeInformation.of(valueClass));
    }

    public MapStateDescriptor(
            String name, TypeSerializer<UK> keySerializer, TypeSerializer<UV> valueSerializer) {
        this(
                name,
                new SerializerTypeInformation<>(keySerializer),
                new SerializerTypeInformation<>(valueSerializer));
    }

    public TypeInformation<UK> getKeyTypeInformation() {
        return keyTypeInfo;
    }

    public TypeInformation<UV> getValueTypeInformation() {
        return valueTypeInfo;
    }

    @Override
    public Type getType() {
        return Type.MAP;
    }
}
