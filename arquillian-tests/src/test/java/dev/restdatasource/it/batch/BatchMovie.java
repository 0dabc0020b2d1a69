package dev.restdatasource.it.batch;

/** A movie of the batching application; its {@code progress} fields come from {@link BatchQueries}. */
public class BatchMovie {
    private String id;
    private String title;

    /** For JSON-B. */
    public BatchMovie() {
    }

    /** A movie with its id and title. */
    public BatchMovie(String id, String title) {
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
