package dev.crossover.eventloop.seeds;

import dev.crossover.eventloop.Async;
import dev.crossover.eventloop.Task;
import dev.crossover.eventloop.TaskGroup;
import java.util.List;
import java.util.function.Consumer;

/**
 * Seed 000, "Unlocking the Power of Asynchronous Programming in Python": its four examples. Each
 * method is the article's coroutine; the Python is quoted above it.
 */
public final class Seed000Asyncio {
    private Seed000Asyncio() {
    }

    /** {@return the article's examples} */
    public static List<SeedExample> examples() {
        return List.of(
                SeedExample.async("000-main-sleep", "000", 2, Seed000Asyncio::mainWithSleep),
                SeedExample.async("000-create-task", "000", 3, Seed000Asyncio::mainWithTask),
                SeedExample.async("000-gather", "000", 3, Seed000Asyncio::mainWithGather),
                SeedExample.async("000-task-group", "000", 2, Seed000Asyncio::mainWithTaskGroup));
    }

    // async def main():
    //     print("Start of main coroutine")
    //     await asyncio.sleep(2)
    //     print("End of main coroutine")
    static Task<Void> mainWithSleep(Scale scale, Consumer<String> print) {
        print.accept("Start of main coroutine");
        return Async.sleep(scale.seconds(2))
                .thenAccept(v -> print.accept("End of main coroutine"));
    }

    // async def fetch_data():
    //     print("Fetching data...")
    //     await asyncio.sleep(3)
    //     return "Data fetched"
    static Task<String> fetchData(Scale scale, Consumer<String> print) {
        print.accept("Fetching data...");
        return Async.sleep(scale.seconds(3)).thenApply(v -> "Data fetched");
    }

    // async def main():
    //     task = asyncio.create_task(fetch_data())
    //     result = await task
    //     print(result)
    static Task<Void> mainWithTask(Scale scale, Consumer<String> print) {
        Task<String> task = Async.spawn(() -> fetchData(scale, print));
        return task.thenAccept(print);
    }

    // async def task_one(): await asyncio.sleep(2); return "Task One Done"
    // async def task_two(): await asyncio.sleep(3); return "Task Two Done"
    // async def task_three(): await asyncio.sleep(1); return "Task Three Done"
    static Task<String> taskOne(Scale scale) {
        return Async.sleep(scale.seconds(2), "Task One Done");
    }

    static Task<String> taskTwo(Scale scale) {
        return Async.sleep(scale.seconds(3), "Task Two Done");
    }

    static Task<String> taskThree(Scale scale) {
        return Async.sleep(scale.seconds(1), "Task Three Done");
    }

    // async def main():
    //     results = await asyncio.gather(task_one(), task_two(), task_three())
    //     for result in results:
    //         print(result)
    static Task<Void> mainWithGather(Scale scale, Consumer<String> print) {
        return Async.gather(taskOne(scale), taskTwo(scale), taskThree(scale))
                .thenAccept(results -> results.forEach(print));
    }

    // async def fetch_data():
    //     await asyncio.sleep(2)
    //     return "Data Fetched"
    //
    // async def main():
    //     async with asyncio.TaskGroup() as tg:
    //         task1 = tg.create_task(fetch_data())
    //         task2 = tg.create_task(fetch_data())
    //         await task1
    //         await task2
    //
    // The article shows "<waits for 2 seconds>" twice, but the two tasks run concurrently: 2 s in all.
    static Task<Void> mainWithTaskGroup(Scale scale, Consumer<String> print) {
        TaskGroup tg = new TaskGroup();
        Task<String> task1 = tg.spawn(() -> Async.sleep(scale.seconds(2), "Data Fetched"));
        Task<String> task2 = tg.spawn(() -> Async.sleep(scale.seconds(2), "Data Fetched"));
        return tg.join().thenAccept(v -> {
            print.accept(task1.result());
            print.accept(task2.result());
        });
    }
}
