package dev.restdatasource.example.plain;

/**
 * A movie as the upstream sends it ({@code {"id":"1","title":"...","year":1994}}), read by JSON-B.
 *
 * @param id the movie's id
 * @param title its title
 * @param year its year of release
 */
public record Movie(String id, String title, int year) {
    @Override
    public String toString() {
        return title + " (" + year + ")";
    }
}
