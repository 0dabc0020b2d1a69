package dev.restdatasource.it.batch;

/** How far the viewer got in one movie, as the upstream progress API sends it. */
public class MovieProgress {
    private String movieId;
    private int percent;

    /** For JSON-B. */
    public MovieProgress() {
    }

    /** The progress of {@code movieId}. */
    public MovieProgress(String movieId, int percent) {
        this.movieId = movieId;
        this.percent = percent;
    }

    /** The progress upstream reports for {@code movieId}: a fixed function of the id, so tests can check it. */
    public static MovieProgress of(String movieId) {
        return new MovieProgress(movieId, Math.floorMod(movieId.hashCode(), 101));
    }

    /** Returns the movie's id. */
    public String getMovieId() {
        return movieId;
    }

    /** Sets the movie's id. */
    public void setMovieId(String movieId) {
        this.movieId = movieId;
    }

    /** Returns the progress in percent. */
    public int getPercent() {
        return percent;
    }

    /** Sets the progress in percent. */
    public void setPercent(int percent) {
        this.percent = percent;
    }
}
