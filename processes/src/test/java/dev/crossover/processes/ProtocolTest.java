package dev.crossover.processes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossover.core.TaskSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The framing both sides speak: each frame decodes to what was written, and anything else is refused by name. */
class ProtocolTest {

    @Test
    void aTaskFrameCarriesItsTagAndSpec() throws IOException {
        TaskSpec spec = new TaskSpec(17, 0x1234_5678_9ABCL, 3, 5_000_000, 250, 1, true);

        Protocol.Command command = Protocol.decodeCommand(frame(out -> Protocol.writeTask(out, -7, spec)));

        Protocol.Task task = assertInstanceOf(Protocol.Task.class, command);
        assertEquals(-7, task.tag(), "tag");
        assertEquals(spec, task.spec(), "spec");
    }

    @Test
    void aTaskFrameCarriesHowItWaitsAndItsBytes() throws IOException {
        TaskSpec spec = new TaskSpec(3, -99, 1, 50_000_000, 0, -1, false, TaskSpec.Wait.HTTP, 4096);

        Protocol.Task task = assertInstanceOf(Protocol.Task.class,
                Protocol.decodeCommand(frame(out -> Protocol.writeTask(out, 1, spec))));

        assertEquals(spec, task.spec(), "spec, its wait kind and bytes included");
    }

    @Test
    void aControlFrameCarriesItsInstruction() throws IOException {
        Protocol.Command command = Protocol.decodeCommand(frame(out -> Protocol.writeControl(out, Protocol.Control.HANG)));

        assertEquals(new Protocol.ControlCommand(Protocol.Control.HANG), command);
    }

    @Test
    void aResultCarriesTheLatenessOfEachWait() throws IOException {
        long[] lateness = {1_200_000, 0, -3, Long.MAX_VALUE};

        Protocol.Reply reply = Protocol.decodeReply(frame(out -> Protocol.writeResult(out, 42, -99L, lateness)));

        Protocol.Result result = assertInstanceOf(Protocol.Result.class, reply);
        assertEquals(42, result.tag(), "tag");
        assertEquals(-99L, result.value(), "value");
        assertArrayEquals(lateness, result.lateness(), "lateness");
    }

    @Test
    void aResultOfATaskWithoutWaitsCarriesNoLateness() throws IOException {
        Protocol.Reply reply = Protocol.decodeReply(frame(out -> Protocol.writeResult(out, 1, 5, Protocol.NO_WAITS)));

        assertEquals(0, assertInstanceOf(Protocol.Result.class, reply).lateness().length, "lateness");
    }

    @Test
    void aFailureCarriesTheLatenessOfTheWaitsThatEndedAndItsCause() throws IOException {
        long[] lateness = {700, 800};

        Protocol.Reply reply = Protocol.decodeReply(frame(out ->
                Protocol.writeFailure(out, 9, lateness, "dev.crossover.core.InjectedFailure", "task 3: wait 1 failed (injected)")));

        Protocol.Failure failure = assertInstanceOf(Protocol.Failure.class, reply);
        assertEquals(9, failure.tag(), "tag");
        assertArrayEquals(lateness, failure.lateness(), "lateness");
        assertEquals("dev.crossover.core.InjectedFailure", failure.type(), "type");
        assertEquals("task 3: wait 1 failed (injected)", failure.message(), "message");
    }

    @Test
    void theLongestFailureFitsInAFrameAndReadsBack() throws IOException {
        long[] lateness = LongStream.range(0, Protocol.MAX_WAITS).toArray();
        String wide = "\u20AC".repeat(Protocol.MAX_TEXT + 10);  // 3 bytes each in UTF-8, cut to MAX_TEXT characters

        byte[] bytes = bytes(out -> Protocol.writeFailure(out, 1, lateness, wide, wide));
        FrameReader reader = new FrameReader(new ByteArrayInputStream(bytes));

        assertTrue(Protocol.MAX_FAILURE_LENGTH <= Protocol.MAX_FRAME, "the longest failure fits in a frame");
        assertEquals(Protocol.MAX_FAILURE_LENGTH, bytes.length - 4, "the longest failure frame's length");
        assertTrue(reader.fill(), "a whole frame");
        Protocol.Failure failure = assertInstanceOf(Protocol.Failure.class, Protocol.decodeReply(reader.next()));
        assertArrayEquals(lateness, failure.lateness(), "lateness");
        assertEquals(wide.substring(0, Protocol.MAX_TEXT), failure.message(), "message, cut");
    }

    @Test
    void refusesToWriteMoreLatenessesThanAFrameHolds() {
        long[] lateness = new long[Protocol.MAX_WAITS + 1];

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> bytes(out -> Protocol.writeResult(out, 1, 2, lateness)));

        assertEquals("lateness: 257 waits (expected: <= 256)", e.getMessage());
    }

    @Test
    void refusesATaskWithMoreWaitsThanAReplyHolds() throws IOException {
        TaskSpec spec = new TaskSpec(0, 1, Protocol.MAX_WAITS + 1, 1, 0, -1, false);

        ByteBuffer frame = frame(out -> Protocol.writeTask(out, 0, spec));
        MalformedFrameException e = assertThrows(MalformedFrameException.class, () -> Protocol.decodeCommand(frame));

        assertEquals("task frame: waits 257 (expected: <= 256)", e.getMessage());
    }

    @Test
    void refusesAResultWhoseCountOfWaitsExceedsItsBytes() throws IOException {
        ByteBuffer frame = body(out -> {
            out.writeByte(Protocol.RESULT);
            out.writeInt(1);
            out.writeLong(2);
            out.writeShort(3);  // three latenesses announced, one sent
            out.writeLong(4);
        });

        MalformedFrameException e = assertThrows(MalformedFrameException.class, () -> Protocol.decodeReply(frame));

        assertEquals("waits: 3 (expected: <= 1, the latenesses left in the frame)", e.getMessage());
    }

    @Test
    void refusesAResultWithBytesLeftOver() throws IOException {
        ByteBuffer frame = body(out -> {
            out.writeByte(Protocol.RESULT);
            out.writeInt(1);
            out.writeLong(2);
            out.writeShort(0);
            out.writeByte(5);
        });

        MalformedFrameException e = assertThrows(MalformedFrameException.class, () -> Protocol.decodeReply(frame));

        assertEquals("result frame: 1 bytes left over (expected: 0)", e.getMessage());
    }

    @Test
    void refusesAResultTooShortForItsFields() throws IOException {
        ByteBuffer frame = body(out -> {
            out.writeByte(Protocol.RESULT);
            out.writeInt(1);
            out.writeLong(2);  // version 1's result: no count of waits
        });

        MalformedFrameException e = assertThrows(MalformedFrameException.class, () -> Protocol.decodeReply(frame));

        assertEquals("result frame length: 13 (expected: 15 + 8 per wait)", e.getMessage());
    }

    @Test
    void aHelloSaysVersionThree() throws IOException {
        Protocol.Reply reply = Protocol.decodeReply(frame(out -> Protocol.writeHello(out, 4242)));

        assertEquals(3, Protocol.VERSION, "version");
        assertEquals(new Protocol.Hello(4242), reply);
    }

    @Test
    void refusesAHelloOfAnotherVersion() throws IOException {
        ByteBuffer frame = body(out -> {
            out.writeByte(Protocol.HELLO);
            out.writeInt(Protocol.MAGIC);
            out.writeInt(1);
            out.writeLong(4242);
        });

        MalformedFrameException e = assertThrows(MalformedFrameException.class, () -> Protocol.decodeReply(frame));

        assertEquals("hello: magic 43524f53 version 1 (expected: magic 43524f53 version 3)", e.getMessage());
    }

    @Test
    void refusesAnUnknownFrameType() throws IOException {
        ByteBuffer frame = body(out -> out.writeByte(0x7F));

        MalformedFrameException e = assertThrows(MalformedFrameException.class, () -> Protocol.decodeReply(frame));

        assertEquals("frame type: 127 (expected: a known type)", e.getMessage());
    }

    private interface Writes {
        void to(DataOutputStream out) throws IOException;
    }

    /** {@return the bytes {@code writes} puts on a stream, length prefixes included} */
    private static byte[] bytes(Writes writes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        writes.to(out);
        out.flush();
        return bytes.toByteArray();
    }

    /** {@return the one frame {@code writes} writes (a protocol writer, length prefix included), read back by a {@link FrameReader}} */
    private static ByteBuffer frame(Writes writes) throws IOException {
        FrameReader reader = new FrameReader(new ByteArrayInputStream(bytes(writes)));
        assertTrue(reader.fill(), "a whole frame");
        ByteBuffer frame = reader.next();
        assertEquals(null, reader.next(), "one frame only");
        return frame;
    }

    /** {@return a frame's type byte and fields as {@code writes} writes them by hand, without a length prefix} */
    private static ByteBuffer body(Writes writes) throws IOException {
        return ByteBuffer.wrap(bytes(writes));
    }
}
