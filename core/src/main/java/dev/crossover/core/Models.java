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

    /** {@return the ids of every model on the class path that can run here (see {@link ModelProvider#unavailable()})} */
    public static List<String> ids() {
        return providers().stream().filter(p -> p.unavailable().isEmpty()).map(ModelProvider::id).toList();
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

    /**
     * {@return a new model with this id}
     * @throws IllegalArgumentException if no model has it
     * @throws IllegalStateException if the model cannot run here, with the reason
     */
    public static ConcurrencyModel create(String id, ModelOptions options) {
        ModelProvider provider = provider(id);
        provider.unavailable().ifPresent(reason -> {
            throw new IllegalStateException("model: " + id + " unavailable: " + reason
                    + " (expected: a model that runs on this machine)");
        });
        return provider.create(options);
    }
}
