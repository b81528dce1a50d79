package dev.brook.api.common.state;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Time-to-live for keyed state: a value expires {@code ttl} after it was last written (or, with
 * {@link UpdateType#OnReadAndWrite}, last read or written) and is then no longer visible.
 */
public final class StateTtlConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    static final StateTtlConfig DISABLED =
            new StateTtlConfig(
                    UpdateType.Disabled, StateVisibility.NeverReturnExpired, Duration.ZERO);

    /** When the expiry clock restarts. */
    public enum UpdateType {
        Disabled,
        OnCreateAndWrite,
        OnReadAndWrite
    }

    /** Whether an expired value that has not been cleaned up yet may be returned. */
    public enum StateVisibility {
        ReturnExpiredIfNotCleanedUp,
        NeverReturnExpired
    }

    private final UpdateType updateType;
    private final StateVisibility stateVisibility;
    private final Duration ttl;

    private StateTtlConfig(UpdateType updateType, StateVisibility visibility, Duration ttl) {
        this.updateType = updateType;
        this.stateVisibility = visibility;
        this.ttl = ttl;
    }

    public static Builder newBuilder(Duration ttl) {
        return new Builder(ttl);
    }

    public UpdateType getUpdateType() {
        return updateType;
    }

    public StateVisibility getStateVisibility() {
        return stateVisibility;
    }

    public Duration getTimeToLive() {
        return ttl;
    }

    public boolean isEnabled() {
        return updateType != UpdateType.Disabled;
    }

    /** Builds a {@link StateTtlConfig}; defaults: OnCreateAndWrite, NeverReturnExpired. */
    public static final class Builder {
        private UpdateType updateType = UpdateType.OnCreateAndWrite;
        private StateVisibility visibility = StateVisibility.NeverReturnExpired;
        private Duration ttl;

        private Builder(Duration ttl) {
            setTtl(ttl);
        }

        public Builder setUpdateType(UpdateType updateType) {
            this.updateType = Objects.requireNonNull(updateType);
            return this;
        }

        public Builder updateTtlOnCreateAndWrite() {
            return setUpdateType(UpdateType.OnCreateAndWrite);
        }

        public Builder updateTtlOnReadAndWrite() {
            return setUpdateType(UpdateType.OnReadAndWrite);
        }

        public Builder setStateVisibility(StateVisibility visibility) {
            this.visibility = Objects.requireNonNull(visibility);
            return this;
        }

        public Builder neverReturnExpired() {
            return setStateVisibility(StateVisibility.NeverReturnExpired);
        }

        public Builder returnExpiredIfNotCleanedUp() {
            return setStateVisibility(StateVisibility.ReturnExpiredIfNotCleanedUp);
        }

        public Builder setTtl(Duration ttl) {
            if (ttl == null || ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("State TTL must be positive, got " + ttl);
            }
            this.ttl = ttl;
            return this;
        }

        public Builder cleanupFullSnapshot() {
            return this;
        }

        public StateTtlConfig build() {
            if (updateType == UpdateType.Disabled) {
                throw new IllegalArgumentException(
                        "UpdateType.Disabled cannot be built; simply do not enable TTL.");
            }
            return new StateTtlConfig(updateType, visibility, ttl);
        }
    }
}
