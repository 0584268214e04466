package dev.crossover.core;

import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** The models on the class path, found by {@link ServiceLoader}; the one list everything else reads. */
public final class Models {
    private Models() {
    }

    /** {@return every model provider on the class path, ordered by id} */
    public static List<ModelProvider> providers() {
        return ServiceLoader.load(ModelProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparing(ModelProvider::id))
                .toList();
    }

    /** {@return the ids of every model on the class path} */
    public static List<String> ids() {
        return providers().stream().map(ModelProvider::id).toList();
    }

    /**
     * {@return the provider of the model with this id}
     * @throws IllegalArgumentException if no model has it
     */
    public static ModelProvider provider(String id) {
        List<ModelProvider> all = providers();
        return all.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("model: " + id + " (expected: one of "
                        + all.stream().map(ModelProvider::id).collect(Collectors.joining(", ")) + ")"));
    }

    /** {@return a new model with this id} @throws IllegalArgumentException if no model has it */
    public static ConcurrencyModel create(String id, ModelOptions options) {
        return provider(id).create(options);
    }
}
