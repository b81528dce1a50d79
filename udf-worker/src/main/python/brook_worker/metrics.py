"""The metrics of one operator instance's Python functions, reported to Java once per bundle.

Functions reach them through ``runtime_context.get_metrics_group()`` (a trigger through
``ctx.get_metric_group()``). Every context of an operator instance hands out the root group of
the same ``MetricRegistry``, so a metric is one object however many functions of the chain ask
for it. Metrics are plain Python objects, updated and read on the operator's thread only; nothing
crosses to Java per record. At the end of every bundle the operator asks the registry for a
report and sends it in a METRICS frame just before BUNDLE_DONE (none if the report is empty or
metrics are disabled). The payload is UTF-8 JSON:

    {"metrics": [{"group": [...], "name": "...", "type": "...", ...}, ...]}

``group`` is the path from the root group: a string per ``add_group(name)`` and a ``[key, value]``
pair per ``add_group(key, value)``; ``[]`` is the root group. The other fields depend on ``type``:

- ``counter``: ``delta``, the net change since the last report;
- ``meter``: ``delta``, the events since the last report, and ``time_span`` in seconds;
- ``gauge``: ``value``, what its callable returns now (called here, once per report);
- ``distribution``: ``count``, ``sum``, ``min`` and ``max`` of the values since the last report.

A counter, meter or distribution that did not change since the last report is left out, except
in the first report after it was created, which registers it in Java at zero. Every gauge is in
every report, except when its value is NaN or infinite, which JSON cannot carry: then Java keeps
the previous value.
"""

import json
import math
import numbers

from pyflink.metrics import Counter, Distribution, Meter, MetricGroup

COUNTER = "counter"
METER = "meter"
GAUGE = "gauge"
DISTRIBUTION = "distribution"


class MetricRegistry:
    """Every metric created through any group of one operator instance, in creation order.

    With ``enabled`` false (``python.metric.enabled``) the metrics still work for the functions
    but are never reported, and gauges are never called.
    """

    def __init__(self, enabled=True):
        self.enabled = enabled
        self.root_group = _MetricGroup(self, ())
        # (group path, name) -> metric. A path component is a name or a (key, value) tuple.
        self._metrics = {}

    def _get_or_create(self, path, name, metric_type, create):
        _check_name("metric", name)
        metric = self._metrics.get((path, name))
        if metric is None:
            metric = create(_group_json(path), name)
            self._metrics[(path, name)] = metric
        elif metric.TYPE != metric_type:
            raise ValueError(
                "Cannot create the %s '%s' in %s: a %s of that name already exists there. "
                "Give the %s another name."
                % (metric_type, name, _describe(path), metric.TYPE, metric_type)
            )
        return metric

    def bundle_report(self):
        """The METRICS payload of the bundle that ends (bytes), or None if there is nothing to
        report. Forgets what it reports, so the next report has the changes after this one.
        Calls the gauges: an exception of one propagates, and then nothing counts as reported."""
        if not self.enabled:
            return None
        entries = []
        reported = []
        for metric in self._metrics.values():
            entry = metric.report_entry()
            if entry is not None:
                entries.append(entry)
                reported.append(metric)
        for metric in reported:
            metric.reported()
        if not entries:
            return None
        return json.dumps({"metrics": entries}, allow_nan=False).encode("utf-8")


class _MetricGroup(MetricGroup):
    __slots__ = ("_path", "_registry")

    def __init__(self, registry, path):
        self._registry = registry
        self._path = path

    def add_group(self, name, extra=None):
        _check_name("metric group", name)
        if extra is None:
            return _MetricGroup(self._registry, self._path + (name,))
        if type(extra) is not str or not extra.strip():
            raise ValueError(
                "The value of the key/value metric group '%s' must be a non-blank string, got "
                "%r. Pass add_group(key, str(value))." % (name, extra)
            )
        return _MetricGroup(self._registry, self._path + ((name, extra),))

    def counter(self, name):
        return self._registry._get_or_create(self._path, name, COUNTER, _Counter)

    def gauge(self, name, obj):
        if not callable(obj):
            raise TypeError(
                "The gauge '%s' needs a callable that returns its current value, got %r. Pass "
                "e.g. lambda: self.queue_length." % (name, obj)
            )
        gauge = self._registry._get_or_create(self._path, name, GAUGE, _Gauge)
        # Registering a gauge again replaces its callable.
        gauge.function = obj

    def meter(self, name, time_span_in_seconds=60):
        span = time_span_in_seconds
        if type(span) is not int:
            raise TypeError(
                "The time span of the meter '%s' must be an int number of seconds, got %r"
                % (name, span)
            )
        if span <= 0:
            raise ValueError(
                "The time span of the meter '%s' must be positive, got %d s" % (name, span)
            )
        meter = self._registry._get_or_create(
            self._path, name, METER, lambda group, n: _Meter(group, n, span)
        )
        if meter.time_span != span:
            raise ValueError(
                "The meter '%s' in %s already exists with a time span of %d s, not %d s. Ask for "
                "it with the same time span, or give the new one another name."
                % (name, _describe(self._path), meter.time_span, span)
            )
        return meter

    def distribution(self, name):
        return self._registry._get_or_create(self._path, name, DISTRIBUTION, _Distribution)


class _Counted:
    """A counter's or meter's count, reported as its change since the last report."""

    __slots__ = ("_count", "_group", "_name", "_new", "_reported_count")

    def __init__(self, group, name):
        self._group = group
        self._name = name
        self._count = 0
        self._reported_count = 0
        self._new = True

    def _add(self, n, method, sign=1):
        if type(n) is not int:
            n = _whole_number(n, self.TYPE, self._name, method)
        self._count += sign * n

    def get_count(self):
        return self._count

    def report_entry(self):
        delta = self._count - self._reported_count
        if delta == 0 and not self._new:
            return None
        return {"group": self._group, "name": self._name, "type": self.TYPE, "delta": delta}

    def reported(self):
        self._reported_count = self._count
        self._new = False


class _Counter(_Counted, Counter):
    TYPE = COUNTER
    __slots__ = ()

    def inc(self, n=1):
        self._add(n, "inc")

    def dec(self, n=1):
        self._add(n, "dec", -1)


class _Meter(_Counted, Meter):
    TYPE = METER
    __slots__ = ("time_span",)

    def __init__(self, group, name, time_span):
        super().__init__(group, name)
        self.time_span = time_span

    def mark_event(self, value=1):
        self._add(value, "mark_event")

    def report_entry(self):
        entry = super().report_entry()
        if entry is not None:
            entry["time_span"] = self.time_span
        return entry


class _Gauge:
    """Not a ``Metric`` of the API: ``MetricGroup.gauge`` returns nothing."""

    TYPE = GAUGE
    __slots__ = ("_group", "_name", "function")

    def __init__(self, group, name):
        self._group = group
        self._name = name
        self.function = None

    def report_entry(self):
        value = self.function()
        if type(value) is not int and type(value) is not float:
            value = _gauge_number(value, self._name)
        if type(value) is float and not math.isfinite(value):
            return None
        return {"group": self._group, "name": self._name, "type": GAUGE, "value": value}

    def reported(self):
        pass


class _Distribution(Distribution):
    TYPE = DISTRIBUTION
    __slots__ = ("_count", "_group", "_max", "_min", "_name", "_new", "_sum")

    def __init__(self, group, name):
        self._group = group
        self._name = name
        self._new = True
        self._clear()

    def _clear(self):
        self._count = 0
        self._sum = 0
        self._min = None
        self._max = None

    def update(self, value):
        kind = type(value)
        if kind is not int and (kind is not float or not math.isfinite(value)):
            value = _finite_number(value, self._name)
        self._count += 1
        self._sum += value
        if self._min is None or value < self._min:
            self._min = value
        if self._max is None or value > self._max:
            self._max = value

    def report_entry(self):
        if self._count == 0:
            if not self._new:
                return None
            return _distribution_entry(self._group, self._name, 0, 0, 0, 0)
        return _distribution_entry(
            self._group, self._name, self._count, self._sum, self._min, self._max
        )

    def reported(self):
        self._clear()
        self._new = False


def _distribution_entry(group, name, count, total, low, high):
    return {
        "group": group,
        "name": name,
        "type": DISTRIBUTION,
        "count": count,
        "sum": total,
        "min": low,
        "max": high,
    }


# ---------------------------------------------------------------------- checks and conversions


def _check_name(what, name):
    if type(name) is not str or not name.strip():
        raise ValueError("A %s name must be a non-blank string, got %r" % (what, name))


def _whole_number(n, metric_type, name, method):
    """``n`` as an int, if it is a whole number of any integral type but bool."""
    if isinstance(n, numbers.Integral) and not isinstance(n, bool):
        return int(n)
    raise TypeError(
        "%s() of the %s '%s' takes an int, got %r (%s)"
        % (method, metric_type, name, n, type(n).__name__)
    )


def _finite_number(value, name):
    """A distribution's ``value`` as an int or a finite float."""
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return int(value)
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        value = float(value)
        if math.isfinite(value):
            return value
        raise ValueError(
            "update() of the distribution '%s' got %r: its values must be finite" % (name, value)
        )
    raise TypeError(
        "update() of the distribution '%s' takes an int or a float, got %r (%s)"
        % (name, value, type(value).__name__)
    )


def _gauge_number(value, name):
    """What a gauge returned, as an int or a float."""
    if isinstance(value, numbers.Integral):  # bool included: True counts as 1
        return int(value)
    try:
        return float(value)
    except (TypeError, ValueError):
        raise TypeError(
            "The gauge '%s' returned %r (%s); a gauge's callable must return a number"
            % (name, value, type(value).__name__)
        ) from None


def _group_json(path):
    return [list(component) if type(component) is tuple else component for component in path]


def _describe(path):
    if not path:
        return "the root metric group"
    parts = ["%s=%s" % component if type(component) is tuple else component for component in path]
    return "the metric group '%s'" % ".".join(parts)
