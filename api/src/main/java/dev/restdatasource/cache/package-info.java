/**
 * The storage SPI of the shared HTTP cache: {@link dev.restdatasource.cache.KeyValueCache}, three asynchronous calls
 * (get, set with a time to live, delete) on opaque byte values.
 *
 * <p>Who may import it: users (to pass or produce a store) and backend authors (to implement one). Implementations
 * prove the contract by running the contract test kit that restdatasource-impl publishes as its test-jar.
 *
 * <p>Compatibility: public SPI. Its three abstract methods do not change; new methods come only as default methods, so
 * an existing implementation keeps compiling and working. Every change shows in the reviewed API listing ({@code
 * api/src/api/restdatasource-api.api}) and in CHANGELOG.md.
 */
package dev.restdatasource.cache;
