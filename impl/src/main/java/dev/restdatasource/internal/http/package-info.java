/**
 * HTTP rules and helpers shared by the pipeline and the HTTP cache: the default JDK transport, URL building from
 * path templates, media types, status reason phrases, the one same-origin test
 * ({@link dev.restdatasource.internal.http.Origins}) and the one list of credential header fields
 * ({@link dev.restdatasource.internal.http.CredentialHeaders}). Internal to restdatasource-impl: nothing outside
 * it imports this package, and its types may change in any release.
 */
package dev.restdatasource.internal.http;
