package dev.restdatasource.example.upstream;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The upstream REST API the example's data sources call, served by the same WAR so the example runs alone.
 * It stands for two separate services: a public movie catalogue and a per-user personalization service.
 */
@ApplicationPath("upstream")
public class UpstreamApplication extends Application {
}
