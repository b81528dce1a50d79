package dev.brook.runtime.metrics;

import dev.brook.metrics.View;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics machinery of one TaskManager: updates every registered {@link View} (meters) every
 * {@link View#UPDATE_INTERVAL_SECONDS} seconds on the TaskManager's scheduler.
 */
public final class MetricRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MetricRegistry.class);

    private final Set<View> views = ConcurrentHashMap.newKeySet();
    private final ScheduledFuture<?> updates;

    public MetricRegistry(ScheduledExecutorService scheduler) {
        updates =
                scheduler.scheduleWithFixedDelay(
                        this::updateViews,
                        View.UPDATE_INTERVAL_SECONDS,
                        View.UPDATE_INTERVAL_SECONDS,
                        TimeUnit.SECONDS);
    }

    public void register(View view) {
        views.add(view);
    }

    public void unregister(View view) {
        views.remove(view);
    }

    private void updateViews() {
        for (View view : views) {
            try {
                view.update();
            } catch (RuntimeException e) {
                LOG.warn("Updating metric view {} failed", view, e);
            }
        }
    }

    @Override
    public void close() {
        updates.cancel(false);
        views.clear();
    }
}
