package dev.brook.api.java.tuple;

/**
 * A tuple with no fields. All instances are equal; use {@link #INSTANCE} rather than creating new
 * ones.
 */
public class Tuple0 extends Tuple {

    private static final long serialVersionUID = 1L;

    /** The shared instance. */
    public static final Tuple0 INSTANCE = new Tuple0();

    /** Creates a tuple without fields; prefer {@link #INSTANCE}. */
    public Tuple0() {}

    @Override
    public int getArity() {
        return 0;
    }

    @Override
    public <T> T getField(int pos) {
        throw new IndexOutOfBoundsException(outOfBounds(pos));
    }

    @Override
    public <T> void setField(T value, int pos) {
        throw new IndexOutOfBoundsException(outOfBounds(pos));
    }

    @Override
    public Tuple0 copy() {
        return INSTANCE;
    }

    /** Returns {@link #INSTANCE}. */
    public static Tuple0 of() {
        return INSTANCE;
    }

    // Keeps the instance unique across Java serialization.
    private Object readResolve() {
        return INSTANCE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tuple0;
    }

    @Override
    public int hashCode() {
        return 0;
    }

    @Override
    public String toString() {
        return "()";
    }
}
