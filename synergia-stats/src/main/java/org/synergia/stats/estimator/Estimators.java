package org.synergia.stats.estimator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.synergia.data.InputException;

/**
 * The registry of estimators: every {@link Estimator} on the class path, found by Java's
 * {@link ServiceLoader} from the modules' {@code META-INF/services/org.synergia.stats.estimator.Estimator}
 * files, in class-path order. Immutable.
 */
public final class Estimators {

    private static final class Installed {
        private static final Estimators INSTANCE = load();
    }

    private final Map<String, Estimator> byName;

    private Estimators(List<Estimator> estimators) {
        Map<String, Estimator> m = new LinkedHashMap<>();
        for (Estimator e : estimators) {
            Estimator previous = m.putIfAbsent(e.name(), e);
            if (previous != null) {
                throw new IllegalStateException("two estimators are named " + e.name() + ": " + previous.getClass().getName()
                        + " and " + e.getClass().getName());
            }
        }
        this.byName = m;
    }

    private static Estimators load() {
        List<Estimator> found = new ArrayList<>();
        ServiceLoader.load(Estimator.class, Estimators.class.getClassLoader()).forEach(found::add);
        return new Estimators(found);
    }

    /** @return the estimators on the class path */
    public static Estimators installed() {
        return Installed.INSTANCE;
    }

    /**
     * @param estimators some estimators, for tests
     * @return a registry of them
     */
    public static Estimators of(Estimator... estimators) {
        return new Estimators(List.of(estimators));
    }

    /** @return every estimator, in registration order */
    public List<Estimator> all() {
        return List.copyOf(byName.values());
    }

    /**
     * @param name an estimator's name
     * @return it, when registered
     */
    public Optional<Estimator> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * @param name an estimator's name
     * @return it
     * @throws InputException when no estimator has that name, naming the ones there are
     */
    public Estimator get(String name) {
        Estimator e = byName.get(name);
        if (e == null) {
            throw new InputException("there is no estimator '" + name + "'; the estimators are " + String.join(", ", byName.keySet()));
        }
        return e;
    }
}
