package dev.restdatasource.it.app;

/** Data of one user (the bearer token's owner), which upstream marks private or authenticated. */
public class Profile {
    private String user;
    private String secret;

    /** For JSON-B. */
    public Profile() {
    }

    /** A profile of {@code user}. */
    public Profile(String user, String secret) {
        this.user = user;
        this.secret = secret;
    }

    /** Returns the user the upstream saw in the Authorization header. */
    public String getUser() {
        return user;
    }

    /** Sets the user. */
    public void setUser(String user) {
        this.user = user;
    }

    /** Returns data only this user may see. */
    public String getSecret() {
        return secret;
    }

    /** Sets the secret. */
    public void setSecret(String secret) {
        this.secret = secret;
    }
}
