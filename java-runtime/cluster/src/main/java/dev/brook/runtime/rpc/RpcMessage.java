package dev.brook.runtime.rpc;

import java.io.Serializable;

/** What travels on an RPC connection, in either direction. */
sealed interface RpcMessage extends Serializable {

    /**
     * A call of {@code method} on the peer's endpoint {@code endpoint}. {@code callId} is 0 for a
     * call that expects no answer (a void method).
     */
    record Invocation(
            long callId, String endpoint, String method, String[] parameterTypes, Object[] args)
            implements RpcMessage {}

    /** The answer to call {@code callId}: its value, or the exception it failed with. */
    record Response(long callId, Object value, Throwable error) implements RpcMessage {}
}
