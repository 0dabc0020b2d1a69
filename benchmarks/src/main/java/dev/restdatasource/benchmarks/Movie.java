package dev.restdatasource.benchmarks;

import java.util.List;

/** The JSON-B class both arms of every benchmark parse the ~1 KB upstream body into. */
public class Movie {
    public String id;
    public String title;
    public int year;
    public String director;
    public List<String> genres;
    public List<String> cast;
    public double rating;
    public int runtimeMinutes;
    public String plot;
}
