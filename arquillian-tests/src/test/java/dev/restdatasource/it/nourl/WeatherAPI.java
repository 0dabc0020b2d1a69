package dev.restdatasource.it.nourl;

import dev.restdatasource.RESTDataSource;
import jakarta.enterprise.context.RequestScoped;

/**
 * A data source that sets no base URL in code and whose {@code restdatasource.WeatherAPI.url} is misspelt in the
 * configuration: its application must fail to deploy, naming this class, its name and the key.
 */
@RequestScoped
public class WeatherAPI extends RESTDataSource {
    /** Never called: the deployment fails first. */
    public String today() {
        return get("today").as(String.class);
    }
}
