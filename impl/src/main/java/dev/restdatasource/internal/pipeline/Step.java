package dev.restdatasource.internal.pipeline;

import dev.restdatasource.DataSourceResponse;
import java.util.concurrent.CompletionStage;

/**
 * One step of the pipeline (an interceptor in OkHttp's sense): it does its part of a {@link Call}, hands the call
 * to the rest of the pipeline with {@link Chain#proceed}, and sees the response on its way back. {@link Pipeline}
 * lists the steps in order.
 *
 * <p>A step before deduplication runs on the caller's thread and fails by throwing: such a failure is the caller's
 * mistake and fails the call without {@code didEncounterError}. From deduplication on, a failure travels in the
 * returned stage and is reported once. A step may proceed more than once (one redirect hop after another) and
 * with another exchange ({@link Call#withExchange}); the last step answers without proceeding.
 *
 * <p>Steps are built once per configuration and shared by every data source and call: they must be thread-safe
 * and keep per-call state in the {@link Call}.
 */
@FunctionalInterface
interface Step {
    /** Does this step's part of {@code call}; {@code next} runs the steps after this one. */
    CompletionStage<DataSourceResponse> intercept(Call call, Chain next);

    /** The steps after one step. Thread-safe; one chain serves every call. */
    @FunctionalInterface
    interface Chain {
        /** Runs the rest of the pipeline on {@code call} and answers its response. */
        CompletionStage<DataSourceResponse> proceed(Call call);
    }
}
