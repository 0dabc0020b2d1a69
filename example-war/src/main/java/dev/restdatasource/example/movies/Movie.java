package dev.restdatasource.example.movies;

/** A movie: the GraphQL type, read with JSON-B from the upstream catalogue's JSON. */
public class Movie {
    private String id;
    private String title;
    private int year;
    private long views;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public int getYear() {
        return year;
    }

    public void setYear(int year) {
        this.year = year;
    }

    public long getViews() {
        return views;
    }

    public void setViews(long views) {
        this.views = views;
    }
}
