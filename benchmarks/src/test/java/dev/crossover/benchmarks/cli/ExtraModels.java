package dev.crossover.benchmarks.cli;

import dev.crossover.core.ModelProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * Makes test-only model providers visible to {@link java.util.ServiceLoader}, and so to
 * {@code Models}, for one call on the calling thread only: a class loader that adds a
 * {@code META-INF/services} entry for them becomes the thread's context class loader meanwhile.
 * The other tests, the JMH forks and the jar never see these models.
 */
final class ExtraModels {
    private ExtraModels() {
    }

    static <T> T with(Path dir, List<Class<? extends ModelProvider>> providers, Supplier<T> call) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try {
            Path services = Files.createDirectories(dir.resolve("META-INF").resolve("services"));
            Files.write(services.resolve(ModelProvider.class.getName()), providers.stream().map(Class::getName).toList());
            try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, previous)) {
                thread.setContextClassLoader(loader);
                return call.get();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
