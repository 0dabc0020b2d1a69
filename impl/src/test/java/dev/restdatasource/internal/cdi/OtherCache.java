package dev.restdatasource.internal.cdi;

import jakarta.enterprise.context.ApplicationScoped;

/** A second store bean, to make the choice ambiguous. */
@ApplicationScoped
public class OtherCache extends RecordingCache {
}
