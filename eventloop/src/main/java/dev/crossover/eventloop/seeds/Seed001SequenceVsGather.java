package dev.crossover.eventloop.seeds;

import dev.crossover.eventloop.Async;
import dev.crossover.eventloop.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Seed 001, synchronous against asynchronous: three 2 s tasks take 6 s one after another and 2 s
 * under {@code gather}. Beside the loop versions, the article's synchronous version as it is
 * (blocking sleeps on one thread), and the same blocking tasks on three platform or virtual threads,
 * which on the JVM overlap just as well as the coroutines do.
 */
public final class Seed001SequenceVsGather {
    private Seed001SequenceVsGather() {
    }

    /** {@return the article's examples} */
    public static List<SeedExample> examples() {
        return List.of(
                SeedExample.async("001-sequence", "001", 6, Seed001SequenceVsGather::mainInSequence),
                SeedExample.async("001-gather", "001", 2, Seed001SequenceVsGather::mainWithGather),
                SeedExample.blocking("001-sequence-blocking", "001", 6, Seed001SequenceVsGather::blockingInSequence),
                SeedExample.blocking("001-platform-threads", "001", 2,
                        (scale, print) -> onThreads(Thread.ofPlatform(), scale, print)),
                SeedExample.blocking("001-virtual-threads", "001", 2,
                        (scale, print) -> onThreads(Thread.ofVirtual(), scale, print)));
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

    // def task(name):            # the article's synchronous version
    //     print(f'Starting task {name}')
    //     time.sleep(2)
    //     print(f'Task {name} completed')
    static void blockingTask(String name, Scale scale, Consumer<String> print) throws InterruptedException {
        print.accept("Starting task " + name);
        Thread.sleep(scale.seconds(2));
        print.accept("Task " + name + " completed");
    }

    // def main():
    //     task('A'); task('B'); task('C')
    static void blockingInSequence(Scale scale, Consumer<String> print) throws InterruptedException {
        for (String name : List.of("A", "B", "C")) {
            blockingTask(name, scale, print);
        }
    }

    /** The comparison on the JVM's threads: the synchronous task, one thread each, joined. */
    static void onThreads(Thread.Builder threads, Scale scale, Consumer<String> print) throws InterruptedException {
        List<Thread> started = new ArrayList<>();
        for (String name : List.of("A", "B", "C")) {
            started.add(threads.start(() -> {
                try {
                    blockingTask(name, scale, print);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (Thread thread : started) {
            thread.join();
        }
    }

    // async def main():
    //     await asyncio.gather(task('A'), task('B'), task('C'))
    static Task<Void> mainWithGather(Scale scale, Consumer<String> print) {
        return Async.gather(task("A", scale, print), task("B", scale, print), task("C", scale, print))
                .thenApply(done -> null);
    }
}
