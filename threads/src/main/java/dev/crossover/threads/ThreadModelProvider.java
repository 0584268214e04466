package dev.crossover.threads;

import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.ModelOptions;
import dev.crossover.core.ModelProvider;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the thread models' providers share: an id, a line of description, and how the model is
 * made from the options. Each model's public {@code Provider} is a subclass that
 * {@link java.util.ServiceLoader} can instantiate.
 */
abstract class ThreadModelProvider implements ModelProvider {
    private final String id;
    private final String description;
    private final Function<ModelOptions, ConcurrencyModel> factory;

    ThreadModelProvider(String id, String description, Function<ModelOptions, ConcurrencyModel> factory) {
        this.id = Objects.requireNonNull(id, "id");
        this.description = Objects.requireNonNull(description, "description");
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final ConcurrencyModel create(ModelOptions options) {
        ConcurrencyModel model = factory.apply(Objects.requireNonNull(options, "options"));
        if (model instanceof ThreadModel threads) {
            threads.guardWith(options.lock());
            threads.useIo(options.io());
        }
        return model;
    }
}
