package dev.restdatasource.it.body;

/** A request body only {@link RatingWriter} knows how to write. */
public record Rating(String movie, int stars) {
    /** Its vendor media type. */
    public static final String MEDIA_TYPE = "application/vnd.acme.rating";
}
