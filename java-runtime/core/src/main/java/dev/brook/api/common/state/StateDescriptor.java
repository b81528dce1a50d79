package dev.brook.api.common.state;

import dev.brook.api.common.serialization.SerializerConfig;
import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.common.typeutils.TypeSerializer;
import java.io.Serializable;
import java.util.Objects;

/**
 * Names a piece of state and its type. The name is the state's identity within an operator: the
 * same name must always be used with the same type.
 */
public abstract class StateDescriptor<S extends State, T> implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The kinds of state, used by backends to pick an implementation. */
    public enum Type {
        VALUE,
        LIST,
        REDUCING,
        AGGREGATING,
        MAP
    }

    private final String name;
    private final TypeInformation<T> typeInfo;
    private StateTtlConfig ttlConfig = StateTtlConfig.DISABLED;

    protected StateDescriptor(String name, TypeInformation<T> typeInfo) {
        this.name = Objects.requireNonNull(name, "state name");
        this.typeInfo = Objects.requireNonNull(typeInfo, "state type of '" + name + "'");
    }

    protected StateDescriptor(String name, Class<T> type) {
        this(name, TypeInformation.of(type));
    }

    /**
     * For a type that type information does not describe well: the state keeps its values with
     * {@code serializer}.
     */
    protected StateDescriptor(String name, TypeSerializer<T> serializer) {
        this(name, new SerializerTypeInformation<>(serializer));
    }

    public String getName() {
        return name;
    }

    public TypeInformation<T> getTypeInformation() {
        return typeInfo;
    }

    public TypeSerializer<T> getSerializer() {
        return typeInfo.createSerializer(SerializerConfig.DEFAULT);
    }

    public abstract Type getType();

    public void enableTimeToLive(StateTtlConfig ttlConfig) {
        this.ttlConfig = Objects.requireNonNull(ttlConfig);
    }

    public StateTtlConfig getTtlConfig() {
        return ttlConfig;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StateDescriptor<?, ?> other
                && other.getClass() == getClass()
                && other.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + getClass().hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{name=" + name + ", type=" + typeInfo + "}";
    }
}
