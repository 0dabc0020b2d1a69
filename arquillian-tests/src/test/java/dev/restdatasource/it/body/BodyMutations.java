package dev.restdatasource.it.body;

import dev.restdatasource.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;

/** A mutation whose upstream call carries a body written by the client's own writer and interceptor. */
@GraphQLApi
@ApplicationScoped
public class BodyMutations {
    @Inject
    @DataSource
    RatingsClient ratings;

    /** Rates a movie; answers what the upstream received. */
    @Mutation
    public String rate(@Name("movie") String movie, @Name("stars") int stars) {
        return ratings.rate(new Rating(movie, stars));
    }
}
