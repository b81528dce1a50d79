package dev.brook.runtime.rpc;

import java.io.IOException;

/** The peer of an RPC connection cannot be reached, or the connection broke. */
public final class RpcConnectionException extends IOException {

    private static final long serialVersionUID = 1L;

    public RpcConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
