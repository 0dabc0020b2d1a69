package dev.restdatasource.example.personalization;

/** How far the signed-in user got in one movie; read with JSON-B from the personalization service. */
public class Progress {
    private String movieId;
    private int percent;

    public String getMovieId() {
        return movieId;
    }

    public void setMovieId(String movieId) {
        this.movieId = movieId;
    }

    public int getPercent() {
        return percent;
    }

    public void setPercent(int percent) {
        this.percent = percent;
    }
}
