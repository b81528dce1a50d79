package dev.brook.api.java.typeutils.runtime;

import static dev.brook.api.common.typeutils.SerializerChecks.checkShippable;
import static dev.brook.api.common.typeutils.SerializerChecks.roundTrip;
import static dev.brook.api.common.typeutils.SerializerChecks.toBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.api.java.tuple.Tuple2;
import dev.brook.api.java.typeutils.PojoTypeInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class PojoSerializerTest {

    /** Public fields of many kinds, some nullable. */
    public static class Order {
        public String customer;
        public long id;
        public Integer quantity;
        public double[] prices;
        public List<String> tags;
        public Tuple2<String, Integer> pair;
        public Address address;

        public Order() {}

        Order(String customer, long id, Integer quantity) {
            this.customer = customer;
            this.id = id;
            this.quantity = quantity;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Order)) {
                return false;
            }
            Order other = (Order) o;
            return id == other.id
                    && Objects.equals(customer, other.customer)
                    && Objects.equals(quantity, other.quantity)
                    && Arrays.equals(prices, other.prices)
                    && Objects.equals(tags, other.tags)
                    && Objects.equals(pair, other.pair)
                    && Objects.equals(address, other.address);
        }

        @Override
        public int hashCode() {
            return Objects.hash(customer, id);
        }
    }

    /** Private fields behind getters and setters. */
    public static class Address {
        private String street;
        private int number;

        public String getStreet() {
            return street;
        }

        public void setStreet(String street) {
            this.street = street;
        }

        public int getNumber() {
            return number;
        }

        public void setNumber(int number) {
            this.number = number;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Address
                    && number == ((Address) o).number
                    && Objects.equals(street, ((Address) o).street);
        }

        @Override
        public int hashCode() {
            return Objects.hash(street, number);
        }
    }

    public static class SpecialOrder extends Order {
        public String note;
    }

    /** A POJO whose constructor gives a field a non-null default. */
    public static class WithDefaults {
        public List<String> names = new ArrayList<>(List.of("default"));
        public int count = 5;

        @Override
        public boolean equals(Object o) {
            return o instanceof WithDefaults
                    && Objects.equals(names, ((WithDefaults) o).names)
                    && count == ((WithDefaults) o).count;
        }

        @Override
        public int hashCode() {
            return Objects.hash(names, count);
        }
    }

    public record Measurement(String sensor, double value, long timestamp, Integer quality) {}

    private static <T> TypeSerializer<T> serializerOf(Class<T> clazz) {
        TypeInformation<T> info = TypeInformation.of(clazz);
        assertThat(info).isInstanceOf(PojoTypeInfo.class);
        TypeSerializer<T> serializer = info.createSerializer();
        assertThat(serializer).isInstanceOf(PojoSerializer.class);
        return serializer;
    }

    @Test
    void roundTripsPojosWithNullFields() {
        TypeSerializer<Order> serializer = serializerOf(Order.class);
        Order full = new Order("ann", 7, 3);
        full.prices = new double[] {1.5, 2.5};
        full.tags = new ArrayList<>(List.of("a", "b"));
        full.pair = Tuple2.of("p", 1);
        full.address = new Address();
        full.address.setStreet("Main");
        full.address.setNumber(12);
        roundTrip(serializer, full);
        roundTrip(serializer, new Order(null, 0, null));
        assertThat(roundTrip(serializer, null)).isNull();
        checkShippable(serializer, full);

        Order copy = serializer.copy(full);
        copy.tags.add("c");
        copy.address.setNumber(13);
        assertThat(full.tags).containsExactly("a", "b");
        assertThat(full.address.getNumber()).isEqualTo(12);
    }

    @Test
    void nullFieldsOverrideConstructorDefaults() {
        WithDefaults value = new WithDefaults();
        value.names = null;
        value.count = 0;
        WithDefaults back = roundTrip(serializerOf(WithDefaults.class), value);
        assertThat(back.names).isNull();
        assertThat(back.count).isZero();
    }

    @Test
    void roundTripsRecords() {
        TypeSerializer<Measurement> serializer = serializerOf(Measurement.class);
        roundTrip(serializer, new Measurement("s1", 2.5, 100L, 1));
        roundTrip(serializer, new Measurement(null, -1, 0L, null));
        checkShippable(serializer, new Measurement("s", 1, 2, 3));
        assertThat(serializer.createInstance()).isEqualTo(new Measurement("", 0.0, 0L, 0));
    }

    @Test
    void rejectsSubclassesWithAHint() {
        TypeSerializer<Order> serializer = serializerOf(Order.class);
        assertThatThrownBy(() -> toBytes(serializer, new SpecialOrder()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(SpecialOrder.class.getName())
                .hasMessageContaining(".returns(SpecialOrder.class)")
                .hasMessageContaining("Types.GENERIC(Order.class)");
    }

    @Test
    void explicitFieldsMayBePrivate() {
        TypeSerializer<Address> serializer =
                Types.POJO(Address.class, Map.of("street", Types.STRING, "number", Types.INT))
                        .createSerializer();
        Address address = new Address();
        address.setStreet("S");
        roundTrip(serializer, address);
    }

    @Test
    void duplicatesAreIndependentButEqual() {
        TypeSerializer<Measurement> serializer = serializerOf(Measurement.class);
        TypeSerializer<Measurement> duplicate = serializer.duplicate();
        assertThat(duplicate).isEqualTo(serializer).isNotSameAs(serializer);
    }
}
