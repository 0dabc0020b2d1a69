/**
 * Thread pools' plumbing shared by the library's packages. Internal to restdatasource-impl: nothing outside the
 * library may use it, and it may change in any release.
 */
package dev.restdatasource.internal.concurrent;
