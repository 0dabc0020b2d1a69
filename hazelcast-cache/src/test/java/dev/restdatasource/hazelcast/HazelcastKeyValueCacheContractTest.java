package dev.restdatasource.hazelcast;

import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.cache.testkit.KeyValueCacheContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract kit on one embedded member (TCP-IP join on 127.0.0.1), shared by the tests. */
class HazelcastKeyValueCacheContractTest extends KeyValueCacheContract {
    private static HazelcastKeyValueCache member;

    @BeforeAll
    static void startMember() {
        member = HazelcastCaches.member(new TestMembers(1).member(0));
    }

    @AfterAll
    static void stopMember() {
        if (member != null) {
            member.close();
        }
    }

    @Override
    protected KeyValueCache newCache() {
        return member;
    }
}
