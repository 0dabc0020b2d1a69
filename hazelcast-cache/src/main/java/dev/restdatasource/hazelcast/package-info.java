/**
 * KeyValueCache on Hazelcast. Reserved: the backend is built by the clustered-caches work (issue 4);
 * until then this module holds no code.
 */
package dev.restdatasource.hazelcast;
