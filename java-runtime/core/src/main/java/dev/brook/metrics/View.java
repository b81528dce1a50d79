package dev.brook.metrics;

import dev.brook.annotation.PublicEvolving;

/**
 * A metric whose reported value is computed at intervals rather than on every event: the engine
 * calls {@link #update()} every {@link #UPDATE_INTERVAL_SECONDS} seconds for every registered view.
 */
@PublicEvolving
public interface View {

    int UPDATE_INTERVAL_SECONDS = 5;

    void update();
}
