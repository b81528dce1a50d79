"""Metrics of Python user functions: counters, meters, gauges and distributions.

A function gets its operator's root ``MetricGroup`` from ``runtime_context.get_metrics_group()``
in ``open()`` and creates its metrics there. The UDF worker implements these interfaces and reports
the metrics to the TaskManager once per bundle, where they join the task's Java metrics.
"""

from pyflink.metrics.metricbase import Counter, Distribution, Meter, Metric, MetricGroup

__all__ = ["Counter", "Distribution", "Meter", "Metric", "MetricGroup"]
