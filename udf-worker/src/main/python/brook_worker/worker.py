"""The worker's connection to its TaskManager.

Two gRPC streams, each opened with HELLO (worker id and token): the data stream and the state
stream, on which operators declare and read keyed state (see ``protocol.py``).

Threads: the main thread reads frames from the data stream and hands them to operators; the state
thread hands STATE_REPLY frames from the state stream to the operator waiting for them; feeder
generators (run by grpcio) send the frames that operators and the heartbeat put into ``outbox``
and ``state_outbox``; the heartbeat thread sends HEARTBEAT every second; the stdin watcher exits the
process when the TaskManager closes our stdin or dies, so a worker never outlives its TaskManager.
"""

import json
import logging
import os
import queue
import sys
import threading

import grpc

from . import protocol
from .operator import Operator

MAX_MESSAGE_BYTES = 256 * 1024 * 1024
_HEARTBEAT_SECONDS = 1.0


def _watch_stdin():
    try:
        while sys.stdin.buffer.read(65536):
            pass
    finally:
        os._exit(0)


def _heartbeat(outbox, stopped):
    beat = protocol.frame(protocol.HEARTBEAT, 0)
    while not stopped.wait(_HEARTBEAT_SECONDS):
        outbox.put(beat)


def _frames(outbox):
    while True:
        message = outbox.get()
        if message is None:
            return
        yield message


def _serve_state(state, state_outbox, operators, worker_id):
    """Hands each STATE_REPLY to its operator. Without this stream no keyed state can be read, so
    losing it ends the worker (and Java fails its tasks)."""
    try:
        for message in state(_frames(state_outbox)):
            _, operator_id, payload = protocol.parse(message)
            operator = operators.get(operator_id)
            if operator is not None:
                operator.replies.put(payload)
    except grpc.RpcError as e:
        sys.stderr.write(
            "Python worker %s lost its state stream: %s %s\n" % (worker_id, e.code(), e.details())
        )
        sys.stderr.flush()
        os._exit(1)


def main():
    # Operators unpickle their functions on threads of their own; importing the API once here
    # first keeps them from racing on its partly initialized modules.
    try:
        import pyflink.datastream  # noqa: F401
    except ImportError:
        pass
    # Python logging, like stdout and stderr, ends up in the TaskManager's log.
    logging.basicConfig(
        stream=sys.stderr, level=logging.INFO, format="%(levelname)s %(name)s: %(message)s"
    )
    address = os.environ["BROOK_WORKER_ADDRESS"]
    worker_id = os.environ["BROOK_WORKER_ID"]
    token = os.environ["BROOK_WORKER_TOKEN"]

    threading.Thread(target=_watch_stdin, name="stdin-watcher", daemon=True).start()

    hello = protocol.frame(
        protocol.HELLO, 0, json.dumps({"worker_id": worker_id, "token": token}).encode("utf-8")
    )
    outbox = queue.Queue()
    outbox.put(hello)
    state_outbox = queue.Queue()
    state_outbox.put(hello)
    stopped = threading.Event()
    threading.Thread(
        target=_heartbeat, args=(outbox, stopped), name="heartbeat", daemon=True
    ).start()

    channel = grpc.insecure_channel(
        address,
        options=[
            ("grpc.max_send_message_length", MAX_MESSAGE_BYTES),
            ("grpc.max_receive_message_length", MAX_MESSAGE_BYTES),
        ],
    )
    data = channel.stream_stream(
        protocol.SERVICE_METHOD,
        request_serializer=None,
        response_deserializer=None,
    )
    state = channel.stream_stream(
        protocol.STATE_METHOD,
        request_serializer=None,
        response_deserializer=None,
    )
    operators = {}
    try:
        responses = data(_frames(outbox))
        threading.Thread(
            target=_serve_state,
            args=(state, state_outbox, operators, worker_id),
            name="state",
            daemon=True,
        ).start()
        for message in responses:
            frame_type, operator_id, payload = protocol.parse(message)
            if frame_type == protocol.OPEN:
                operators[operator_id] = Operator(operator_id, outbox.put, state_outbox.put)
            operator = operators.get(operator_id)
            if operator is None:
                continue
            operator.inbox.put((frame_type, payload))
            if frame_type == protocol.CLOSE:
                del operators[operator_id]
    except grpc.RpcError as e:
        if e.code() == grpc.StatusCode.PERMISSION_DENIED:
            sys.stderr.write("Python worker %s: %s\n" % (worker_id, e.details()))
            return 1
        sys.stderr.write(
            "Python worker %s lost its connection to the TaskManager: %s %s\n"
            % (worker_id, e.code(), e.details())
        )
        return 1
    finally:
        stopped.set()
        outbox.put(None)
        state_outbox.put(None)
    return 0
