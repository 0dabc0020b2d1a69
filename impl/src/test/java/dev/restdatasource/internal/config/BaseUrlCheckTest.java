package dev.restdatasource.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The base URL checks of deployment, on names only. */
class BaseUrlCheckTest {
    private static final BaseUrlCheck.Bean NO_URL = new BaseUrlCheck.Bean("com.example.MoviesAPI", "MoviesAPI", false);
    private static final BaseUrlCheck.Bean IN_CODE = new BaseUrlCheck.Bean("com.example.BooksAPI", "BooksAPI", true);
    private static final BaseUrlCheck.Bean COMPUTED = new BaseUrlCheck.Bean("com.example.Computed", null, false);

    @Test
    void aBeanWithoutAnyBaseUrlIsAProblemNamingTheClassTheNameAndTheKey() {
        List<String> problems = BaseUrlCheck.missingUrls(List.of(NO_URL, IN_CODE, COMPUTED), Set.of(), List.of());
        assertEquals(List.of("No base URL for the RESTDataSource bean com.example.MoviesAPI (data source 'MoviesAPI'):"
                + " set restdatasource.MoviesAPI.url (the name is case-sensitive), or call setBaseURL in its constructor"),
                problems);
    }

    @Test
    void aConfiguredUrlOrOneInCodeIsEnough() {
        assertEquals(List.of(), BaseUrlCheck.missingUrls(List.of(NO_URL, IN_CODE), Set.of("MoviesAPI"), List.of()));
    }

    @Test
    void theProblemNamesAMisspeltKeyThatNamesNoDataSource() {
        List<String> problems = BaseUrlCheck.missingUrls(List.of(NO_URL), Set.of("moviesapi", "profiles"),
                List.of("profiles"));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).endsWith("; restdatasource.moviesapi.url is set but names no data source: rename it"
                + " restdatasource.MoviesAPI.url"), problems.get(0));
    }

    @Test
    void aKeyNamingNoDataSourceIsAWarningWithTheClosestName() {
        List<String> warnings = BaseUrlCheck.unmatchedUrls(Set.of("MovieAPI", "BooksAPI", "profiles"),
                List.of(NO_URL, IN_CODE), List.of("profiles"));
        assertEquals(List.of("restdatasource.MovieAPI.url names no data source of this application, so it is not used"
                + " (names are case-sensitive); did you mean restdatasource.MoviesAPI.url? Its data sources are:"
                + " BooksAPI, MoviesAPI, profiles."), warnings);
    }

    @Test
    void theWarningSaysWhichBeansItCannotName() {
        List<String> warnings = BaseUrlCheck.unmatchedUrls(Set.of("zzz"), List.of(COMPUTED), List.of());
        assertEquals(List.of("restdatasource.zzz.url names no data source of this application, so it is not used (names"
                + " are case-sensitive). It has no data source found at deployment. Ignore this if it names one of"
                + " com.example.Computed, whose name() is computed at run time."), warnings);
    }

    @Test
    void theClosestNameIsTheSameIgnoringCaseElseTheNearestWithinHalfItsLength() {
        assertEquals(Optional.of("MoviesAPI"), BaseUrlCheck.closest("moviesapi", List.of("MovieAPI", "MoviesAPI")));
        assertEquals(Optional.of("MoviesAPI"), BaseUrlCheck.closest("MovieAPI", List.of("BooksAPI", "MoviesAPI")));
        assertEquals(Optional.of("MoviesAPI"), BaseUrlCheck.closest("movies", List.of("MoviesAPI", "profiles")));
        assertEquals(Optional.empty(), BaseUrlCheck.closest("weather", List.of("MoviesAPI", "profiles")));
        assertEquals(Optional.empty(), BaseUrlCheck.closest("x", List.of()));
    }

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertEquals(0, BaseUrlCheck.editDistance("abc", "abc"));
        assertEquals(3, BaseUrlCheck.editDistance("", "abc"));
        assertEquals(1, BaseUrlCheck.editDistance("movie", "movies"));
        assertEquals(1, BaseUrlCheck.editDistance("movies", "moviez"));
        assertEquals(3, BaseUrlCheck.editDistance("kitten", "sitting"));
    }
}
