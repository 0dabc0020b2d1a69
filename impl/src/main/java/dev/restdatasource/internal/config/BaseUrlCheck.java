package dev.restdatasource.internal.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The deployment checks of the base URL keys, {@code restdatasource.<name>.url}, against the data sources an
 * application has:
 * <ul>
 * <li><b>A {@code RESTDataSource} bean with no base URL fails the deployment</b>: one whose name is known at
 *     deployment, whose code sets no base URL (see {@code internal.cdi.DataSourceClasses} for both rules) and that
 *     has no {@code restdatasource.<name>.url}. Its first call could only fail, so the deployment does, with a
 *     message naming the bean class, its data-source name and the exact key to set; when a configured URL key names
 *     no data source and is close to the bean's name (a case or spelling slip), the message names that key too.
 *     A Rest Client data source without a URL already fails the same way (with the Rest Client's keys).</li>
 * <li><b>A {@code restdatasource.X.url} whose X names no data source is a warning</b>, not a failure, suggesting
 *     the closest name. Deployment cannot see every data source: one an application creates with {@code new} (a
 *     producer method, a plain object), one whose {@code name()} is computed at run time, or one of another
 *     application reading the same server-wide configuration (environment variables, system properties, the
 *     server's configuration) may be the one the key names, and failing would refuse a working application. Where
 *     the slip matters, a bean that needs that URL, the first rule already fails the deployment and names the
 *     misspelt key.</li>
 * </ul>
 *
 * <p>Names are compared case-sensitively, as the keys are read; the suggestion is the name equal but for case,
 * else the one at the smallest edit distance (ignoring case) when that distance is at most half the longer name.
 * Stateless.
 */
public final class BaseUrlCheck {
    private BaseUrlCheck() {
    }

    /**
     * A {@code RESTDataSource} bean as deployment sees it.
     *
     * @param className         the bean class
     * @param name              its data-source name, or null when it is computed at run time
     * @param setsBaseUrlInCode whether its code may give it a base URL
     */
    public record Bean(String className, String name, boolean setsBaseUrlInCode) {
    }

    /**
     * Returns one problem per bean that has no base URL: no {@code restdatasource.<name>.url} among
     * {@code configuredUrlNames} (the names of every URL key set, valid or not) and none set in code.
     *
     * @param otherNames the names of the other data sources (Rest Clients), which a configured key may name
     */
    public static List<String> missingUrls(Collection<Bean> beans, Set<String> configuredUrlNames,
            Collection<String> otherNames) {
        Set<String> unmatched = unmatchedNames(configuredUrlNames, beans, otherNames);
        List<String> problems = new ArrayList<>();
        for (Bean bean : beans) {
            if (bean.name() == null || bean.setsBaseUrlInCode() || configuredUrlNames.contains(bean.name())) {
                continue;
            }
            String key = DataSourceSettings.urlKey(bean.name());
            StringBuilder problem = new StringBuilder("No base URL for the RESTDataSource bean " + bean.className()
                    + " (data source '" + bean.name() + "'): set " + key + " (the name is case-sensitive), or call"
                    + " setBaseURL in its constructor");
            closest(bean.name(), unmatched).ifPresent(near -> problem.append("; ").append(DataSourceSettings.urlKey(near))
                    .append(" is set but names no data source: rename it ").append(key));
            problems.add(problem.toString());
        }
        return problems;
    }

    /**
     * Returns one warning per configured URL key whose name is no data source's, suggesting the closest name.
     *
     * @param otherNames the names of the other data sources (Rest Clients)
     */
    public static List<String> unmatchedUrls(Set<String> configuredUrlNames, Collection<Bean> beans,
            Collection<String> otherNames) {
        Set<String> known = knownNames(beans, otherNames);
        List<String> unknownNameClasses = beans.stream().filter(b -> b.name() == null).map(Bean::className).sorted().toList();
        List<String> warnings = new ArrayList<>();
        for (String name : unmatchedNames(configuredUrlNames, beans, otherNames)) {
            StringBuilder warning = new StringBuilder(DataSourceSettings.urlKey(name) + " names no data source of this"
                    + " application, so it is not used (names are case-sensitive)");
            Optional<String> near = closest(name, known);
            warning.append(near.map(n -> "; did you mean " + DataSourceSettings.urlKey(n) + "?").orElse("."));
            warning.append(known.isEmpty() ? " It has no data source found at deployment."
                    : " Its data sources are: " + String.join(", ", known) + ".");
            if (!unknownNameClasses.isEmpty()) {
                warning.append(" Ignore this if it names one of ").append(String.join(", ", unknownNameClasses))
                        .append(", whose name() is computed at run time.");
            }
            warnings.add(warning.toString());
        }
        return warnings;
    }

    /**
     * Returns the candidate closest to {@code name}: one equal ignoring case, else the one at the smallest edit
     * distance ignoring case when that distance is at most half the longer of the two (ties: the first in
     * {@code candidates}' order); empty when none is that close.
     */
    public static Optional<String> closest(String name, Collection<String> candidates) {
        for (String candidate : candidates) {
            if (candidate.equalsIgnoreCase(name)) {
                return Optional.of(candidate);
            }
        }
        String lower = name.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = editDistance(lower, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance && distance * 2 <= Math.max(name.length(), candidate.length())) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The Levenshtein distance: insertions, deletions and substitutions of one character each count 1. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static Set<String> knownNames(Collection<Bean> beans, Collection<String> otherNames) {
        Set<String> known = new TreeSet<>(otherNames);
        beans.stream().map(Bean::name).filter(n -> n != null).forEach(known::add);
        return known;
    }

    private static Set<String> unmatchedNames(Set<String> configuredUrlNames, Collection<Bean> beans,
            Collection<String> otherNames) {
        Set<String> unmatched = new TreeSet<>(configuredUrlNames);
        unmatched.removeAll(knownNames(beans, otherNames));
        return unmatched;
    }
}
