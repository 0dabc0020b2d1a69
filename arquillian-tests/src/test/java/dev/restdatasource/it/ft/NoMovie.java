package dev.restdatasource.it.ft;

import dev.restdatasource.example.movies.Movie;
import dev.restdatasource.it.app.Movies;
import jakarta.enterprise.context.Dependent;
import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.FallbackHandler;

/** The fallback of {@link DownClient#movie}: a movie whose title names the failure's class. */
@Dependent
public class NoMovie implements FallbackHandler<Movie> {
    @Override
    public Movie handle(ExecutionContext context) {
        return Movies.movie(String.valueOf(context.getParameters()[0]), "Fallback after " + context.getFailure().getClass().getSimpleName());
    }
}
