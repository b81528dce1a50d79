package dev.brook.api.common.functions;

/** The {@link OpenContext} Brook passes to {@link RichFunction#open}. */
public final class DefaultOpenContext implements OpenContext {
    public static final DefaultOpenContext INSTANCE = new DefaultOpenContext();

    private DefaultOpenContext() {}
}
