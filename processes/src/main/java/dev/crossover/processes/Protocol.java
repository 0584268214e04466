package dev.crossover.processes;

import dev.crossover.core.TaskSpec;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The binary framing between the parent and its workers: every frame is an {@code int} length
 * (of what follows), a type byte and fixed big-endian fields, as {@link java.io.DataOutput} writes
 * them. No Java serialization: a frame decodes only into the few shapes below.
 *
 * <pre>
 * parent -> worker   TASK    index:int token:long waits:int ioNanos:long cpuUnits:long failingWait:int computeFails:byte
 *                    CONTROL what:byte                       (test-only fault injection, see {@link Control})
 * worker -> parent   HELLO   magic:int version:int pid:long  (the first frame, once)
 *                    RESULT  index:int value:long
 *                    FAILURE index:int type:text message:text (text: unsigned short length, UTF-8 bytes)
 * </pre>
 *
 * <p>A frame that breaks these rules (unknown type, wrong length, a HELLO out of place) is a
 * {@link MalformedFrameException}: the reading side gives up on that stream.
 */
final class Protocol {
    /** "CROS": the first bytes of a worker's hello, so a stray print on stdout is told apart at once. */
    static final int MAGIC = 0x43524F53;
    static final int VERSION = 1;
    /** The longest frame either side accepts. */
    static final int MAX_FRAME = 1 << 14;
    private static final int MAX_TEXT = 2_000;

    static final byte TASK = 1;
    static final byte CONTROL = 2;
    static final byte HELLO = 11;
    static final byte RESULT = 12;
    static final byte FAILURE = 13;

    private static final int TASK_LENGTH = 1 + 4 + 8 + 4 + 8 + 8 + 4 + 1;
    private static final int RESULT_LENGTH = 1 + 4 + 8;
    private static final int HELLO_LENGTH = 1 + 4 + 4 + 8;

    private Protocol() {
    }

    /**
     * Fault injection for tests, sent to one worker and acted on at once by its reader thread:
     * package-private, and no part of the model's API.
     */
    enum Control {
        /** {@code System.exit(CRASH_STATUS)} while tasks are running. */
        EXIT,
        /** Allocate until the heap is gone; the worker's {@code -XX:+ExitOnOutOfMemoryError} ends it. */
        EXHAUST_MEMORY,
        /** Stop writing frames for good, as a hung worker would. */
        HANG,
        /** Write a frame of an unknown type. */
        GARBAGE,
        /** Stop reading stdin for good, so the worker no longer notices it closing. */
        DEAF,
        /** Write part of a frame, then exit with {@link #CRASH_STATUS}: a worker that dies mid-write. */
        TRUNCATE;

        /** The status an {@link #EXIT} ends the worker with. */
        static final int CRASH_STATUS = 57;
    }

    /** What a worker says to the parent. */
    sealed interface Reply permits Hello, Result, Failure {
    }

    record Hello(long pid) implements Reply {
    }

    record Result(int index, long value) implements Reply {
    }

    record Failure(int index, String type, String message) implements Reply {
    }

    /** What the parent says to a worker. */
    sealed interface Command permits Task, ControlCommand {
    }

    record Task(TaskSpec spec) implements Command {
    }

    record ControlCommand(Control control) implements Command {
    }

    /** Writes a frame for {@code command}. */
    static void write(DataOutputStream out, Command command) throws IOException {
        switch (command) {
            case Task task -> writeTask(out, task.spec());
            case ControlCommand control -> writeControl(out, control.control());
        }
    }

    static void writeTask(DataOutputStream out, TaskSpec spec) throws IOException {
        out.writeInt(TASK_LENGTH);
        out.writeByte(TASK);
        out.writeInt(spec.index());
        out.writeLong(spec.token());
        out.writeInt(spec.waits());
        out.writeLong(spec.ioNanos());
        out.writeLong(spec.cpuUnits());
        out.writeInt(spec.failingWait());
        out.writeByte(spec.computeFails() ? 1 : 0);
    }

    static void writeControl(DataOutputStream out, Control control) throws IOException {
        out.writeInt(2);
        out.writeByte(CONTROL);
        out.writeByte(control.ordinal());
    }

    static void writeHello(DataOutputStream out, long pid) throws IOException {
        out.writeInt(HELLO_LENGTH);
        out.writeByte(HELLO);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeLong(pid);
    }

    static void writeResult(DataOutputStream out, int index, long value) throws IOException {
        out.writeInt(RESULT_LENGTH);
        out.writeByte(RESULT);
        out.writeInt(index);
        out.writeLong(value);
    }

    static void writeFailure(DataOutputStream out, int index, String type, String message) throws IOException {
        byte[] t = text(type);
        byte[] m = text(message);
        out.writeInt(1 + 4 + 2 + t.length + 2 + m.length);
        out.writeByte(FAILURE);
        out.writeInt(index);
        out.writeShort(t.length);
        out.write(t);
        out.writeShort(m.length);
        out.write(m);
    }

    /** Decodes one frame (its type byte and fields, without the length) sent to a worker. */
    static Command decodeCommand(ByteBuffer frame) throws MalformedFrameException {
        byte type = frame.get();
        Command command = switch (type) {
            case TASK -> {
                expectLength(frame, TASK_LENGTH, "task");
                int index = frame.getInt();
                long token = frame.getLong();
                int waits = frame.getInt();
                long ioNanos = frame.getLong();
                long cpuUnits = frame.getLong();
                int failingWait = frame.getInt();
                boolean computeFails = frame.get() != 0;
                try {
                    yield new Task(new TaskSpec(index, token, waits, ioNanos, cpuUnits, failingWait, computeFails));
                } catch (IllegalArgumentException e) {
                    throw new MalformedFrameException("task frame: " + e.getMessage());
                }
            }
            case CONTROL -> {
                expectLength(frame, 2, "control");
                int what = frame.get();
                if (what < 0 || what >= Control.values().length) {
                    throw new MalformedFrameException("control: " + what + " (expected: below " + Control.values().length + ")");
                }
                yield new ControlCommand(Control.values()[what]);
            }
            default -> throw unknownType(type);
        };
        return command;
    }

    /** Decodes one frame (its type byte and fields, without the length) sent by a worker. */
    static Reply decodeReply(ByteBuffer frame) throws MalformedFrameException {
        byte type = frame.get();
        return switch (type) {
            case RESULT -> {
                expectLength(frame, RESULT_LENGTH, "result");
                yield new Result(frame.getInt(), frame.getLong());
            }
            case FAILURE -> {
                int index = readInt(frame);
                String kind = readText(frame);
                String message = readText(frame);
                if (frame.hasRemaining()) {
                    throw new MalformedFrameException("failure frame: " + frame.remaining() + " bytes left over (expected: 0)");
                }
                yield new Failure(index, kind, message);
            }
            case HELLO -> {
                expectLength(frame, HELLO_LENGTH, "hello");
                int magic = frame.getInt();
                int version = frame.getInt();
                if (magic != MAGIC || version != VERSION) {
                    throw new MalformedFrameException("hello: magic " + Integer.toHexString(magic) + " version " + version
                            + " (expected: magic " + Integer.toHexString(MAGIC) + " version " + VERSION + ")");
                }
                yield new Hello(frame.getLong());
            }
            default -> throw unknownType(type);
        };
    }

    private static MalformedFrameException unknownType(byte type) {
        return new MalformedFrameException("frame type: " + (type & 0xFF) + " (expected: a known type)");
    }

    private static void expectLength(ByteBuffer frame, int length, String what) throws MalformedFrameException {
        int actual = frame.remaining() + 1;
        if (actual != length) {
            throw new MalformedFrameException(what + " frame length: " + actual + " (expected: " + length + ")");
        }
    }

    private static int readInt(ByteBuffer frame) throws MalformedFrameException {
        if (frame.remaining() < 4) {
            throw new MalformedFrameException("frame: " + frame.remaining() + " bytes left (expected: an int)");
        }
        return frame.getInt();
    }

    private static String readText(ByteBuffer frame) throws MalformedFrameException {
        if (frame.remaining() < 2) {
            throw new MalformedFrameException("frame: " + frame.remaining() + " bytes left (expected: a text length)");
        }
        int length = Short.toUnsignedInt(frame.getShort());
        if (frame.remaining() < length) {
            throw new MalformedFrameException("text length: " + length + " (expected: <= " + frame.remaining() + ")");
        }
        byte[] bytes = new byte[length];
        frame.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] text(String s) {
        String value = s == null ? "" : s;
        if (value.length() > MAX_TEXT) {
            value = value.substring(0, MAX_TEXT);
        }
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
