package dev.restdatasource.event;

/**
 * Why a cache store operation failed. A failed read is a miss and a failed write is skipped: the call itself goes
 * on.
 */
public enum StoreFailure {
    /** The store did not answer within the cache timeout. */
    TIMEOUT,
    /** The store failed or refused the operation (an exception, or too many operations already waiting for it). */
    ERROR,
    /** The store failed repeatedly and is skipped for a while: the operation was not attempted. */
    CIRCUIT_OPEN
}
