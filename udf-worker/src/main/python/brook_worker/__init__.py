"""Brook's Python UDF worker.

A worker process runs the Python functions of the Brook operators in one TaskManager slot. The
TaskManager starts it (``python -m brook_worker``) with its address, id and token in the
environment; the worker connects back over gRPC, says HELLO, and then serves frames for any number
of operators, each in a thread of its own (see ``operator.py``). Records arrive and leave as Arrow
batches; keyed state lives in the JVM and is read and written in batches.
"""
