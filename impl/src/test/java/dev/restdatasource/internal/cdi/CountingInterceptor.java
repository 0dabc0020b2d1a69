package dev.restdatasource.internal.cdi;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts intercepted calls; makes the container instantiate a generated subclass of the bean. */
@Counted
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class CountingInterceptor {
    static final AtomicInteger CALLS = new AtomicInteger();

    @AroundInvoke
    Object count(InvocationContext ctx) throws Exception {
        CALLS.incrementAndGet();
        return ctx.proceed();
    }
}
