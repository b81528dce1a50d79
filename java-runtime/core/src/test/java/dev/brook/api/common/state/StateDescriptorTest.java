package dev.brook.api.common.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brook.api.common.typeutils.base.LongSerializer;
import dev.brook.api.common.typeutils.base.MapSerializer;
import dev.brook.api.common.typeutils.base.StringSerializer;
import org.junit.jupiter.api.Test;

class StateDescriptorTest {

    @Test
    void aDescriptorGivenASerializerKeepsItsValuesWithIt() {
        ValueStateDescriptor<Long> descriptor =
                new ValueStateDescriptor<>("count", LongSerializer.INSTANCE);

        assertThat(descriptor.getSerializer()).isSameAs(LongSerializer.INSTANCE);
    }

    @Test
    void descriptorsGivenEqualSerializersHaveTheSameType() {
        ListStateDescriptor<Long> a = new ListStateDescriptor<>("s", LongSerializer.INSTANCE);
        ListStateDescriptor<Long> b = new ListStateDescriptor<>("s", LongSerializer.INSTANCE);
        ListStateDescriptor<String> c = new ListStateDescriptor<>("s", StringSerializer.INSTANCE);

        assertThat(a.getTypeInformation()).isEqualTo(b.getTypeInformation());
        assertThat(a.getTypeInformation()).isNotEqualTo(c.getTypeInformation());
    }

    @Test
    void aMapDescriptorGivenSerializersBuildsAMapSerializerFromThem() {
        MapStateDescriptor<String, Long> descriptor =
                new MapStateDescriptor<>("m", StringSerializer.INSTANCE, LongSerializer.INSTANCE);

        assertThat(descriptor.getSerializer())
                .isEqualTo(new MapSerializer<>(StringSerializer.INSTANCE, LongSerializer.INSTANCE));
    }
}
