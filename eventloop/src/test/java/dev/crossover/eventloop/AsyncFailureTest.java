package dev.crossover.eventloop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossover.core.InjectedFailure;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Failure paths of {@link Async} and the loop's synchronisers: each used to hang or lose a value. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class AsyncFailureTest {

    @Test
    void runFailsWithWhatMainThrowsInsteadOfHanging() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Async.run(() -> { throw new IllegalStateException("main threw"); }));
        assertEquals("main threw", e.getMessage());
    }
}
