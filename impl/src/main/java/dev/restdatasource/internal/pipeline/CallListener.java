package dev.restdatasource.internal.pipeline;

/**
 * Told by {@link Engine} of calls leaving the {@link Pipeline}: the one place to watch every call of every data source
 * and both front ends (logging, metrics), instead of code in each step. {@link Pipeline#of} sets the listener; a
 * listener must be thread-safe and quick (it runs on the thread that completes the call), and what it throws is
 * ignored.
 */
interface CallListener {
    /** A listener told nothing. */
    CallListener NONE = (call, error) -> {
    };

    /**
     * Called once per failed call, with the exception its caller gets (after {@code didEncounterError}, which may
     * replace it). A caller that joined an identical call in flight and shares its failure is not reported again. A
     * call that failed before deduplication (the caller's own mistake: no base URL, a bad path value, a GET with a
     * body) is reported too, its {@link Call#url()} null when the URL could not be resolved.
     */
    void callFailed(Call call, RuntimeException error);
}
