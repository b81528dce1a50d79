package dev.brook.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brook.api.common.typeinfo.BasicTypeInfo;
import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.api.java.tuple.Tuple2;
import dev.brook.core.memory.DataInputDeserializer;
import dev.brook.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class PythonKeyTest {

    @Test
    void pickledKeysCompareByContent() {
        PythonKey a = new PythonKey(new byte[] {1, 2, 3});
        PythonKey b = new PythonKey(new byte[] {1, 2, 3});
        PythonKey c = new PythonKey(new byte[] {1, 2, 4});
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c);
        // The hash is a function of the bytes, the same in every JVM.
        assertThat(a.hashCode()).isEqualTo(java.util.Arrays.hashCode(new byte[] {1, 2, 3}));
    }

    @Test
    void typedKeysCompareByValue() {
        assertThat(new PythonKey("k")).isEqualTo(new PythonKey("k"));
        assertThat(new PythonKey(1L)).isNotEqualTo(new PythonKey("1"));
    }

    @Test
    void selectorKeysByTheFirstField() throws Exception {
        PythonKeySelector<byte[], String> selector = new PythonKeySelector<>();
        assertThat(selector.getKey(Tuple2.of(new byte[] {9}, "v")))
                .isEqualTo(new PythonKey(new byte[] {9}));
    }

    @Test
    void serializerRoundTrips() throws Exception {
        for (PythonKeyTypeInfo type :
                new PythonKeyTypeInfo[] {
                    new PythonKeyTypeInfo(PickledByteArrayTypeInfo.INSTANCE),
                    new PythonKeyTypeInfo(BasicTypeInfo.STRING_TYPE_INFO)
                }) {
            PythonKey key =
                    type.getKeyType() == PickledByteArrayTypeInfo.INSTANCE
                            ? new PythonKey(new byte[] {5, 6})
                            : new PythonKey("five");
            TypeSerializer<PythonKey> serializer = type.createSerializer();
            DataOutputSerializer out = new DataOutputSerializer(16);
            serializer.serialize(key, out);
            PythonKey back = serializer.deserialize(new DataInputDeserializer(out.toByteArray()));
            assertThat(back).isEqualTo(key);
        }
    }
}
