package dev.brook.api.common.serialization;

import java.io.Serializable;

/**
 * Settings that influence how {@link dev.brook.api.common.typeinfo.TypeInformation} creates
 * serializers. Present for signature compatibility with Flink; Brook's serializers need no
 * registration.
 */
public final class SerializerConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final SerializerConfig DEFAULT = new SerializerConfig();

    public SerializerConfig() {}
}
