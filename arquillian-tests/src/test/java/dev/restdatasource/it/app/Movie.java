package dev.restdatasource.it.app;

/** A movie, as the upstream API sends it and the GraphQL schema shows it. */
public class Movie {
    private String id;
    private String title;

    /** For JSON-B. */
    public Movie() {
    }

    /** A movie with its id and title. */
    public Movie(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** Returns the id. */
    public String getId() {
        return id;
    }

    /** Sets the id. */
    public void setId(String id) {
        this.id = id;
    }

    /** Returns the title. */
    public String getTitle() {
        return title;
    }

    /** Sets the title. */
    public void setTitle(String title) {
        this.title = title;
    }
}
