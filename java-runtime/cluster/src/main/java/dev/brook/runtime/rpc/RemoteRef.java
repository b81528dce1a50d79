package dev.brook.runtime.rpc;

import java.io.Serializable;

/**
 * Stands in, on the wire, for an object passed by reference: the receiver gets a proxy of {@code
 * gatewayInterface} whose calls travel back over the same connection to the endpoint {@code
 * endpoint}. {@code location} is the exported object's {@code getLocation()} when it has one, so
 * that the proxy answers it without a round trip.
 */
record RemoteRef(String endpoint, String gatewayInterface, Serializable location)
        implements Serializable {}
