package dev.brook.api.java.tuple;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The base of {@link Tuple0} to {@link Tuple25}: ordered, mutable records of a fixed number of
 * fields, each of its own type. Tuples are the cheapest composite type to serialize, and the usual
 * choice for keyed aggregations.
 *
 * <p>Subclasses expose their fields as public members {@code f0}, {@code f1}, ...; the methods here
 * address fields by position for code that does not know the arity statically.
 */
public abstract class Tuple implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The largest supported arity. */
    public static final int MAX_ARITY = 25;

    private static final Class<?>[] CLASSES = {
        Tuple0.class,
        Tuple1.class,
        Tuple2.class,
        Tuple3.class,
        Tuple4.class,
        Tuple5.class,
        Tuple6.class,
        Tuple7.class,
        Tuple8.class,
        Tuple9.class,
        Tuple10.class,
        Tuple11.class,
        Tuple12.class,
        Tuple13.class,
        Tuple14.class,
        Tuple15.class,
        Tuple16.class,
        Tuple17.class,
        Tuple18.class,
        Tuple19.class,
        Tuple20.class,
        Tuple21.class,
        Tuple22.class,
        Tuple23.class,
        Tuple24.class,
        Tuple25.class
    };

    /** The field at {@code pos}, cast to the caller's type (may be null). */
    public abstract <T> T getField(int pos);

    /**
     * The field at {@code pos}, which must not be null.
     *
     * @throws dev.brook.types.NullFieldException if the field is null
     */
    public <T> T getFieldNotNull(int pos) {
        T field = getField(pos);
        if (field == null) {
            throw new dev.brook.types.NullFieldException(pos);
        }
        return field;
    }

    /** Sets the field at {@code pos}; {@code value} must be of the field's type. */
    public abstract <T> void setField(T value, int pos);

    /** The number of fields. */
    public abstract int getArity();

    /**
     * A shallow copy: a new tuple of the same class holding the same field references. Each tuple
     * class narrows the return type to itself.
     */
    public abstract Tuple copy();

    /**
     * The class {@code Tuple<arity>}.
     *
     * @throws IllegalArgumentException if {@code arity} is outside 0 to {@value #MAX_ARITY}
     */
    @SuppressWarnings("unchecked") // CLASSES holds only Tuple subclasses
    public static Class<? extends Tuple> getTupleClass(int arity) {
        checkArity(arity);
        return (Class<? extends Tuple>) CLASSES[arity];
    }

    /**
     * A new tuple of the given arity with all fields null ({@link Tuple0#INSTANCE} for arity 0).
     * Does not use reflection, so it is cheap enough for per-record use.
     */
    public static Tuple newInstance(int arity) {
        return switch (arity) {
            case 0 -> Tuple0.INSTANCE;
            case 1 -> new Tuple1<>();
            case 2 -> new Tuple2<>();
            case 3 -> new Tuple3<>();
            case 4 -> new Tuple4<>();
            case 5 -> new Tuple5<>();
            case 6 -> new Tuple6<>();
            case 7 -> new Tuple7<>();
            case 8 -> new Tuple8<>();
            case 9 -> new Tuple9<>();
            case 10 -> new Tuple10<>();
            case 11 -> new Tuple11<>();
            case 12 -> new Tuple12<>();
            case 13 -> new Tuple13<>();
            case 14 -> new Tuple14<>();
            case 15 -> new Tuple15<>();
            case 16 -> new Tuple16<>();
            case 17 -> new Tuple17<>();
            case 18 -> new Tuple18<>();
            case 19 -> new Tuple19<>();
            case 20 -> new Tuple20<>();
            case 21 -> new Tuple21<>();
            case 22 -> new Tuple22<>();
            case 23 -> new Tuple23<>();
            case 24 -> new Tuple24<>();
            case 25 -> new Tuple25<>();
            default -> throw new IllegalArgumentException(arityMessage(arity));
        };
    }

    private static void checkArity(int arity) {
        if (arity < 0 || arity > MAX_ARITY) {
            throw new IllegalArgumentException(arityMessage(arity));
        }
    }

    private static String arityMessage(int arity) {
        return "Tuples have 0 to "
                + MAX_ARITY
                + " fields, not "
                + arity
                + ". Use a Row or a POJO for records with more fields.";
    }

    /** The message for an access to a field position this tuple does not have. */
    String outOfBounds(int pos) {
        return "Field position " + pos + " does not exist in a tuple of arity " + getArity();
    }

    /** Like {@link String#valueOf(Object)}, but prints the content of arrays. */
    static String fieldToString(Object value) {
        if (value == null || !value.getClass().isArray()) {
            return String.valueOf(value);
        }
        // deepToString of a one-element wrapper prints any array kind; strip the wrapper brackets.
        String wrapped = Arrays.deepToString(new Object[] {value});
        return wrapped.substring(1, wrapped.length() - 1);
    }
}
