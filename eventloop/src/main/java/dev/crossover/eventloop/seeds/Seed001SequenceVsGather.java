package dev.crossover.eventloop.seeds;

import dev.crossover.eventloop.Async;
import dev.crossover.eventloop.Task;
import java.util.List;
import java.util.function.Consumer;

/**
 * Seed 001, synchronous against asynchronous: three 2 s tasks take 6 s one after another and 2 s
 * under {@code gather}.
 */
public final class Seed001SequenceVsGather {
    private Seed001SequenceVsGather() {
    }

    /** {@return the article's examples} */
    public static List<SeedExample> examples() {
        return List.of(
                new SeedExample("001-sequence", "001", 6, Seed001SequenceVsGather::mainInSequence),
                new SeedExample("001-gather", "001", 2, Seed001SequenceVsGather::mainWithGather));
    }

    // async def task(name):
    //     print(f'Starting task {name}')
    //     await asyncio.sleep(2)  # Simulating a time-consuming task
    //     print(f'Task {name} completed')
    static Task<Void> task(String name, Scale scale, Consumer<String> print) {
        print.accept("Starting task " + name);
        return Async.sleep(scale.seconds(2)).thenAccept(v -> print.accept("Task " + name + " completed"));
    }

    // def main():              # the article's synchronous version: one task after another
    //     task('A')
    //     task('B')
    //     task('C')
    static Task<Void> mainInSequence(Scale scale, Consumer<String> print) {
        return task("A", scale, print)
                .thenCompose(v -> task("B", scale, print))
                .thenCompose(v -> task("C", scale, print));
    }

    // async def main():
    //     await asyncio.gather(task('A'), task('B'), task('C'))
    static Task<Void> mainWithGather(Scale scale, Consumer<String> print) {
        return Async.gather(task("A", scale, print), task("B", scale, print), task("C", scale, print))
                .thenApply(done -> null);
    }
}
