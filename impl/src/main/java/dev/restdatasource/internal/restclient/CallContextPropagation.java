package dev.restdatasource.internal.restclient;

import org.eclipse.microprofile.rest.client.ext.AsyncInvocationInterceptor;
import org.eclipse.microprofile.rest.client.ext.AsyncInvocationInterceptorFactory;

/**
 * Carries the {@link CallContext} of a Rest Client method returning {@code CompletionStage} from the calling thread
 * to the thread the client runs its filters on, so such calls share the GraphQL request's deduplication even though
 * the request scope is not active there. Stateless; each call gets its own interceptor.
 */
final class CallContextPropagation implements AsyncInvocationInterceptorFactory {
    @Override
    public AsyncInvocationInterceptor newInterceptor() {
        return new AsyncInvocationInterceptor() {
            private CallContext captured;
            private CallContext.Scope scope;

            @Override
            public void prepareContext() {
                captured = CallContext.current();
            }

            @Override
            public void applyContext() {
                if (captured != null) {
                    scope = CallContext.enter(captured);
                }
            }

            @Override
            public void removeContext() {
                if (scope != null) {
                    scope.close();
                    scope = null;
                }
            }
        };
    }
}
