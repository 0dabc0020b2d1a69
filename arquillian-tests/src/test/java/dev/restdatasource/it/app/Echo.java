package dev.restdatasource.it.app;

/** What the upstream received: the request headers the tests look at. */
public class Echo {
    private String authorization;
    private String filteredBy;
    private String userAttribute;

    /** For JSON-B. */
    public Echo() {
    }

    /** An echo of the three headers. */
    public Echo(String authorization, String filteredBy, String userAttribute) {
        this.authorization = authorization;
        this.filteredBy = filteredBy;
        this.userAttribute = userAttribute;
    }

    /** Returns the Authorization header upstream received, or null. */
    public String getAuthorization() {
        return authorization;
    }

    /** Sets the Authorization header. */
    public void setAuthorization(String authorization) {
        this.authorization = authorization;
    }

    /** Returns the X-Filtered-By header upstream received, or null. */
    public String getFilteredBy() {
        return filteredBy;
    }

    /** Sets the X-Filtered-By header. */
    public void setFilteredBy(String filteredBy) {
        this.filteredBy = filteredBy;
    }

    /** Returns the X-User-Attribute header upstream received, or null. */
    public String getUserAttribute() {
        return userAttribute;
    }

    /** Sets the X-User-Attribute header. */
    public void setUserAttribute(String userAttribute) {
        this.userAttribute = userAttribute;
    }
}
