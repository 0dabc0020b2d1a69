package dev.restdatasource.it;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.restdatasource.RESTDataSource;
import dev.restdatasource.example.movies.Movie;
import dev.restdatasource.internal.cdi.RestDataSourceExtension;
import dev.restdatasource.it.app.Queries;
import java.io.File;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Builds the test WARs: the classes of {@code dev.restdatasource.it.app} (GraphQL API, data sources, request
 * filter, upstream REST API) and the example's model class {@code Movie} they reuse, a
 * {@code microprofile-config.properties}, and the library jars restdatasource-api, restdatasource-impl and Caffeine,
 * taken from the test class path (the reactor's jars in {@code mvn verify}, or the local repository's), plus what
 * {@link ServerFlavor#bundledLibraries()} and {@link ServerFlavor#extraSettings()} add for the server under test.
 * Nothing the server provides (CDI, JSON-B, MicroProfile APIs) is bundled.
 */
final class TestApp {
    /** The context root of the main test application. */
    static final String CONTEXT = "rds";

    private TestApp() {
    }

    /** The main application, deployed as {@code rds.war}: every data source points at its own upstream. */
    static WebArchive main() {
        return war(CONTEXT, settings(CONTEXT));
    }

    /** An application named {@code context} whose configuration is the main one plus {@code extraSettings}. */
    static WebArchive withSettings(String context, String extraSettings) {
        return war(context, settings(context) + extraSettings + "\n");
    }

    /** The main application plus the classes of {@code extraPackage}, deployed at {@code context}. */
    static WebArchive withPackage(String context, Package extraPackage) {
        return war(context, settings(context)).addPackage(extraPackage);
    }

    /** The microprofile-config.properties of an application deployed at {@code context}. */
    static String settings(String context) {
        String upstream = Server.base() + "/" + context + "/upstream/";
        return String.join("\n",
                "# upstream calls of these tests time out after 2 s; /upstream/slow answers after 5 s",
                "restdatasource.request-timeout=2s",
                "restdatasource.movies.url=" + upstream,
                "restdatasource.unreachable.url=http://127.0.0.1:1/",
                "restdatasource.unreachable-client.url=http://127.0.0.1:1/",
                "profiles/mp-rest/url=" + upstream,
                "profiles/mp-rest/readTimeout=2000",
                "") + ServerFlavor.current().extraSettings();
    }

    private static final String GENERATED_ERROR_CODES = "dev.restdatasource.graphql.codes";

    private static WebArchive war(String context, String settings) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, context + ".war")
                .addPackage(Queries.class.getPackage())
                .addClass(Movie.class) // the example's model class, reused by the test application
                .addPackage(GENERATED_ERROR_CODES) // written into the test classes by restdatasource's processor
                .addAsResource(new StringAsset(settings), "META-INF/microprofile-config.properties");
        for (File library : libraries()) {
            war.addAsLibrary(library.isDirectory() ? exploded(library) : ShrinkWrap.createFromZipFile(JavaArchive.class, library));
        }
        return war;
    }

    /**
     * The jars (or, from an IDE, class folders) of restdatasource-api, restdatasource-impl and Caffeine, then those
     * the server under test needs bundled.
     */
    private static Set<File> libraries() {
        Set<File> files = new LinkedHashSet<>();
        for (Class<?> type : new Class<?>[] {RESTDataSource.class, RestDataSourceExtension.class, Caffeine.class}) {
            try {
                files.add(new File(type.getProtectionDomain().getCodeSource().getLocation().toURI()));
            } catch (URISyntaxException e) {
                throw new IllegalStateException("Cannot locate the jar of " + type.getName(), e);
            }
        }
        files.addAll(ServerFlavor.current().bundledLibraries());
        return files;
    }

    private static JavaArchive exploded(File classes) {
        String name = classes.getParentFile().getParentFile().getName() + ".jar"; // <module>/target/classes
        return ShrinkWrap.create(ExplodedImporter.class, name).importDirectory(classes).as(JavaArchive.class);
    }
}
