package dev.crossover.eventloop.seeds;

import dev.crossover.eventloop.Async;
import dev.crossover.eventloop.Task;
import java.util.List;
import java.util.function.Consumer;

/** Seed 002, "Introduction to Asynchronous Programming in Python": two API calls through {@code create_task}. */
public final class Seed002StockPrices {
    private Seed002StockPrices() {
    }

    /** {@return the article's example} */
    public static List<SeedExample> examples() {
        return List.of(SeedExample.async("002-stock-prices", "002", 3, Seed002StockPrices::main));
    }

    // async def call_api(message, result=1000, delay=3):
    //     print(message)
    //     await asyncio.sleep(delay)
    //     return result
    static Task<Integer> callApi(String message, int result, Scale scale, Consumer<String> print) {
        print.accept(message);
        return Async.sleep(scale.seconds(3), result);
    }

    // async def main():
    //     task_1 = asyncio.create_task(call_api('Get stock price of GOOG...', 300))
    //     task_2 = asyncio.create_task(call_api('Get stock price of APPL...', 300))
    //     price = await task_1
    //     print(price)
    //     price = await task_2
    //     print(price)
    static Task<Void> main(Scale scale, Consumer<String> print) {
        Task<Integer> task1 = Async.spawn(() -> callApi("Get stock price of GOOG...", 300, scale, print));
        Task<Integer> task2 = Async.spawn(() -> callApi("Get stock price of APPL...", 300, scale, print));
        return task1.thenCompose(price -> {
            print.accept(String.valueOf(price));
            return task2;
        }).thenAccept(price -> print.accept(String.valueOf(price)));
    }
}
