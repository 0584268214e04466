package dev.crossover.eventloop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EventLoopTest {

    /** Runs {@code action} on the loop and waits for its value. */
    static <T> T onLoop(EventLoop loop, Supplier<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                result.complete(action.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(10, TimeUnit.SECONDS);
    }

    /** Deadlines armed one after another always differ; {@link TimerQueueTest} covers equal deadlines. */
    @Test
    void firesTimersInDeadlineOrder() throws Exception {
        List<String> fired = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(5);
        try (EventLoop loop = EventLoop.start("test")) {
            loop.execute(() -> {
                for (String name : List.of("30a", "10", "30b", "20", "30c")) {
                    long millis = Long.parseLong(name.substring(0, 2));
                    loop.schedule(Duration.ofMillis(millis), () -> {
                        fired.add(name);
                        done.countDown();
                    });
                }
            });
            assertTrue(done.await(10, TimeUnit.SECONDS));
        }
        assertEquals(List.of("10", "20", "30a", "30b", "30c"), fired);
    }

    @Test
    void cancelledTimerNeverFiresAndLeavesNoTimer() throws Exception {
        AtomicInteger fired = new AtomicInteger();
        try (EventLoop loop = EventLoop.start("test")) {
            int pending = onLoop(loop, () -> {
                List<Timer> timers = new ArrayList<>();
                for (int i = 0; i < 1_000; i++) {
                    timers.add(loop.schedule(Duration.ofMillis(1 + i % 50), fired::incrementAndGet));
                }
                for (int i = 0; i < timers.size(); i += 2) {
                    assertTrue(timers.get(i).cancel());
                    assertFalse(timers.get(i).cancel(), "second cancel");
                }
                return loop.pendingTimers();
            });
            assertEquals(500, pending);
            CompletableFuture<Integer> after = new CompletableFuture<>();
            loop.execute(() -> loop.schedule(Duration.ofMillis(100), () -> after.complete(loop.pendingTimers())));
            assertEquals(0, after.get(10, TimeUnit.SECONDS));
        }
        assertEquals(500, fired.get());
    }

    @Test
    void wakesFromAnotherThreadWhileBlockedInSelect() throws Exception {
        try (EventLoop loop = EventLoop.start("test")) {
            // A far timer makes the loop block in select(); only a wake-up can bring it back early.
            onLoop(loop, () -> loop.schedule(Duration.ofHours(1), () -> { }));
            for (int i = 0; i < 200; i++) {
                CountDownLatch ran = new CountDownLatch(1);
                loop.execute(ran::countDown);
                assertTrue(ran.await(5, TimeUnit.SECONDS), "task " + i + " ran");
            }
        }
    }

    @Test
    void runsTasksFromManyThreadsExactlyOnce() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        int perThread = 20_000;
        try (EventLoop loop = EventLoop.start("test")) {
            List<Thread> producers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                producers.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < perThread; i++) {
                        loop.execute(ran::incrementAndGet);
                    }
                }));
            }
            for (Thread p : producers) {
                p.join();
            }
            assertEquals(4 * perThread, onLoop(loop, ran::get));
        }
    }

    @Test
    void rejectsWorkAfterShutdown() throws Exception {
        EventLoop loop = EventLoop.start("test");
        assertEquals(EventLoop.State.RUNNING, loop.state());
        loop.shutdown();
        assertTrue(loop.awaitTermination(Duration.ofSeconds(10)));

        assertEquals(EventLoop.State.TERMINATED, loop.state());
        RejectedExecutionException e = assertThrows(RejectedExecutionException.class, () -> loop.execute(() -> { }));
        assertTrue(e.getMessage().contains("TERMINATED (expected: RUNNING)"), e.getMessage());
        loop.close();  // idempotent
    }

    @Test
    void runsCallbacksQueuedBeforeShutdownAndRejectsTimersDuringIt() throws Exception {
        AtomicReference<Throwable> scheduleDuringShutdown = new AtomicReference<>();
        AtomicInteger ran = new AtomicInteger();
        EventLoop loop = EventLoop.start("test");
        CountDownLatch hold = new CountDownLatch(1);
        loop.execute(() -> {
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        for (int i = 0; i < 10; i++) {
            loop.execute(ran::incrementAndGet);
        }
        loop.execute(() -> {
            try {
                loop.schedule(Duration.ofMillis(1), () -> { });
            } catch (RejectedExecutionException e) {
                scheduleDuringShutdown.set(e);
            }
        });
        loop.shutdown();
        hold.countDown();
        loop.close();

        assertEquals(10, ran.get());
        assertTrue(scheduleDuringShutdown.get() instanceof RejectedExecutionException);
    }

    @Test
    void loopOnlyMethodsRefuseOtherThreads() throws Exception {
        try (EventLoop loop = EventLoop.start("test")) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.callSoon(() -> { }));
            assertTrue(e.getMessage().startsWith("callSoon: called on " + Thread.currentThread().getName()
                    + " (expected: the event loop thread"), e.getMessage());
            assertThrows(IllegalStateException.class, () -> loop.schedule(Duration.ofMillis(1), () -> { }));
            assertThrows(IllegalStateException.class, loop::pendingTimers);
            assertThrows(IllegalStateException.class, EventLoop::current);
            Timer timer = onLoop(loop, () -> loop.schedule(Duration.ofHours(1), () -> { }));
            assertThrows(IllegalStateException.class, timer::cancel);
            assertSame(loop, onLoop(loop, EventLoop::current));
            IllegalStateException await = onLoop(loop, () ->
                    assertThrows(IllegalStateException.class, () -> loop.awaitTermination(Duration.ofSeconds(1))));
            assertTrue(await.getMessage().contains("deadlock"), await.getMessage());
        }
    }

    @Test
    void reportsAFailingCallbackByNameAndGoesOn() throws Exception {
        List<String> reported = Collections.synchronizedList(new ArrayList<>());
        try (EventLoop loop = new EventLoop("test", (name, failure) -> reported.add(name + ": " + failure.getMessage()))) {
            loop.start();
            loop.execute("boom", () -> {
                throw new IllegalArgumentException("bad");
            });
            assertEquals(1L, onLoop(loop, loop::callbackFailures));
        }
        assertEquals(List.of("boom: bad"), reported);
    }

    @Test
    void anErrorEndsTheLoopAndFailsItsTermination() throws Exception {
        EventLoop loop = new EventLoop("test", (name, failure) -> { });
        loop.start();
        AtomicReference<Throwable> uncaught = new AtomicReference<>();
        loop.execute(() -> {
            // The Error goes on to end the loop thread: the test's handler sees it, not the console.
            Thread.currentThread().setUncaughtExceptionHandler((thread, failure) -> uncaught.set(failure));
            throw new AssertionError("fatal");
        });
        ExecutionException e = assertThrows(ExecutionException.class, () -> loop.terminationFuture().get(10, TimeUnit.SECONDS));
        assertEquals("fatal", e.getCause().getMessage());
        assertEquals(EventLoop.State.TERMINATED, loop.state());
        loop.close();
        assertSame(e.getCause(), uncaught.get(), "the Error was rethrown on the loop thread");
    }

    @Test
    void interruptingTheLoopThreadShutsItDown() throws Exception {
        EventLoop loop = EventLoop.start("test");
        loop.execute(() -> Thread.currentThread().interrupt());
        assertTrue(loop.awaitTermination(Duration.ofSeconds(10)));
        assertEquals(EventLoop.State.TERMINATED, loop.state());
    }

    @Test
    void echoesOverLoopbackThroughTheSelector() throws Exception {
        byte[] message = "hello, selector".getBytes(StandardCharsets.US_ASCII);
        try (EventLoop loop = EventLoop.start("test");
             ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            server.configureBlocking(false);
            InetSocketAddress address = (InetSocketAddress) server.getLocalAddress();
            CompletableFuture<String> reply = new CompletableFuture<>();
            loop.execute(() -> {
                // Server side: accept, then echo whatever arrives.
                loop.register(server, SelectionKey.OP_ACCEPT, key -> {
                    SocketChannel accepted = server.accept();
                    if (accepted == null) {
                        return;
                    }
                    accepted.configureBlocking(false);
                    ByteBuffer buffer = ByteBuffer.allocate(256);
                    loop.register(accepted, SelectionKey.OP_READ, readKey -> {
                        buffer.clear();
                        if (accepted.read(buffer) < 0) {
                            readKey.cancel();
                            accepted.close();
                            return;
                        }
                        buffer.flip();
                        while (buffer.hasRemaining()) {
                            accepted.write(buffer);
                        }
                    });
                });
                // Client side: connect, send, read the echo.
                try {
                    SocketChannel client = SocketChannel.open();
                    client.configureBlocking(false);
                    client.connect(address);
                    ByteBuffer in = ByteBuffer.allocate(256);
                    loop.register(client, SelectionKey.OP_CONNECT, key -> {
                        if (key.isConnectable() && client.finishConnect()) {
                            client.write(ByteBuffer.wrap(message));
                            key.interestOps(SelectionKey.OP_READ);
                        } else if (key.isReadable()) {
                            client.read(in);
                            if (in.position() == message.length) {
                                key.cancel();
                                client.close();
                                reply.complete(new String(in.array(), 0, in.position(), StandardCharsets.US_ASCII));
                            }
                        }
                    });
                } catch (java.io.IOException e) {
                    reply.completeExceptionally(e);
                }
            });
            assertEquals("hello, selector", reply.get(10, TimeUnit.SECONDS));
        }
    }

    /**
     * A handler cancels its key and registers its channel again while another channel is ready: the
     * re-registration flushes the cancelled key with a selectNow(), which adds a third ready key to
     * the selected set during dispatch (the reviewer's ConcurrentModificationException).
     */
    @Test
    void aHandlerMayCancelAndReRegisterItsChannelWhileOthersAreReady() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open();
             Selector firstTwo = Selector.open();
             Selector third = Selector.open();
             EventLoop loop = new EventLoop("test", (name, failure) -> { })) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            List<SocketChannel> clients = new ArrayList<>();
            List<SocketChannel> accepted = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                clients.add(SocketChannel.open(server.getLocalAddress()));
                SocketChannel a = server.accept();
                a.configureBlocking(false);
                accepted.add(a);
            }
            try {
                // Arrange: the first two channels are readable before the loop first selects on them.
                clients.get(0).write(ByteBuffer.wrap(new byte[] {1}));
                clients.get(1).write(ByteBuffer.wrap(new byte[] {1}));
                accepted.get(0).register(firstTwo, SelectionKey.OP_READ);
                accepted.get(1).register(firstTwo, SelectionKey.OP_READ);
                while (firstTwo.selectedKeys().size() < 2) {
                    firstTwo.select(1_000);
                }
                accepted.get(2).register(third, SelectionKey.OP_READ);

                List<String> events = Collections.synchronizedList(new ArrayList<>());
                CountDownLatch thirdRead = new CountDownLatch(1);
                AtomicBoolean thirdWritten = new AtomicBoolean();
                loop.start();
                loop.execute(() -> {
                    IoHandler reArm = key -> {
                        SocketChannel channel = (SocketChannel) key.channel();
                        channel.read(ByteBuffer.allocate(8));
                        if (thirdWritten.compareAndSet(false, true)) {
                            clients.get(2).write(ByteBuffer.wrap(new byte[] {9}));
                            third.select(5_000);  // the third channel is readable before we re-register
                        }
                        key.cancel();
                        loop.register(channel, SelectionKey.OP_READ, k -> events.add("after re-arm"));
                        events.add("re-armed");
                    };
                    loop.register(accepted.get(0), SelectionKey.OP_READ, reArm);
                    loop.register(accepted.get(1), SelectionKey.OP_READ, reArm);
                    loop.register(accepted.get(2), SelectionKey.OP_READ, key -> {
                        ((SocketChannel) key.channel()).read(ByteBuffer.allocate(8));
                        thirdRead.countDown();
                    });
                });

                assertTrue(thirdRead.await(10, TimeUnit.SECONDS), "the third channel was served");
                assertEquals(List.of("re-armed", "re-armed"), onLoop(loop, () -> List.copyOf(events)));
                assertEquals(0L, onLoop(loop, loop::callbackFailures));
                assertEquals(EventLoop.State.RUNNING, loop.state());
            } finally {
                for (SocketChannel c : clients) {
                    c.close();
                }
                for (SocketChannel c : accepted) {
                    c.close();
                }
            }
        }
    }
}
