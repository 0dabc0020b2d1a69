package dev.restdatasource.internal.health;

/** What the health check says of a cache store. */
public enum StoreState {
    /** Connected (or in process), and its circuit breaker closed. */
    UP("up"),
    /** The store's client has no usable connection to it: every call is a miss. */
    UNREACHABLE("unreachable"),
    /** The client says it is connected, but calls kept failing or timing out, so the data sources skip it for now. */
    CIRCUIT_OPEN("circuit-open");

    private final String label;

    StoreState(String label) {
        this.label = label;
    }

    /** The value of the check's {@code state} data: {@code up}, {@code unreachable} or {@code circuit-open}. */
    public String label() {
        return label;
    }
}
