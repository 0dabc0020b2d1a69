package dev.restdatasource.it.app;

/** How often the upstream received one path: every request, and the ones it answered 304 Not Modified. */
public class Counts {
    private int requests;
    private int notModified;

    /** For JSON-B. */
    public Counts() {
    }

    /** Counts with these values. */
    public Counts(int requests, int notModified) {
        this.requests = requests;
        this.notModified = notModified;
    }

    /** Returns the number of requests received. */
    public int getRequests() {
        return requests;
    }

    /** Sets the number of requests. */
    public void setRequests(int requests) {
        this.requests = requests;
    }

    /** Returns the number of 304 answers given. */
    public int getNotModified() {
        return notModified;
    }

    /** Sets the number of 304 answers. */
    public void setNotModified(int notModified) {
        this.notModified = notModified;
    }
}
