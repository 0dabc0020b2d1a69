package dev.restdatasource.it.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The upstream REST API the data sources call, served by the same WAR under {@code /upstream}. */
@ApplicationPath("/upstream")
public class UpstreamApplication extends Application {
}
