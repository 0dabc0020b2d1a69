package dev.restdatasource.example.upstream;

/** A movie as the upstream catalogue sends it. */
public record MovieData(String id, String title, int year, long views) {
}
