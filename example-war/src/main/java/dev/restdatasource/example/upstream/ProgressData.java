package dev.restdatasource.example.upstream;

/** How far one user got in one movie, in percent. */
public record ProgressData(String movieId, int percent) {
}
