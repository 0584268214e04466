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
 * parent -> worker   TASK    tag:int index:int token:long waits:int ioNanos:long cpuUnits:long failingWait:int computeFails:byte waitKind:byte bytes:int
 *                    CONTROL what:byte                       (test-only fault injection, see {@link Control})
 * worker -> parent   HELLO   magic:int version:int pid:long  (the first frame, once)
 *                    RESULT  tag:int value:long ended:ushort lateness:long*ended
 *                    FAILURE tag:int ended:ushort lateness:long*ended type:text message:text
 *                                                            (text: unsigned short length, UTF-8 bytes)
 * </pre>
 *
 * <p>A task's {@code tag} is the parent's name for it, unique among the tasks a worker holds, so
 * two tasks with the same index (two runs at once on one model) are told apart; a reply names the
 * task by its tag. A reply carries, for each of the task's waits that ended, how late it ended:
 * the end minus the deadline, both in the worker's {@link System#nanoTime()} (clocks of two JVMs
 * do not compare, a difference in one does), in the order the waits ended; a wait cancelled by
 * its group's failure did not end and is not there. At most {@value #MAX_WAITS} waits per task, so
 * the longest failure frame fits in {@value #MAX_FRAME} bytes.
 *
 * <p>Versions: 1, replies without lateness, named by index; 2 (this one), tags and lateness.
 *
 * <p>A frame that breaks these rules (unknown type, wrong length, a HELLO out of place, a version
 * other than {@value #VERSION}) is a {@link MalformedFrameException}: the reading side gives up on that stream.
 */
final class Protocol {
    /** "CROS": the first bytes of a worker's hello, so a stray print on stdout is told apart at once. */
    static final int MAGIC = 0x43524F53;
    static final int VERSION = 3;
    /** The longest frame either side accepts. */
    static final int MAX_FRAME = 1 << 14;
    /** The most waits a task may make: a reply carries a lateness for each (8 bytes). */
    static final int MAX_WAITS = 256;
    /** The most characters of a failure's type and of its message (3 bytes each at most in UTF-8). */
    static final int MAX_TEXT = 2_000;
    /** The longest failure frame: tag, count, every lateness, two texts of the longest. */
    static final int MAX_FAILURE_LENGTH = 1 + 4 + 2 + 8 * MAX_WAITS + 2 * (2 + 3 * MAX_TEXT);

    static final byte TASK = 1;
    static final byte CONTROL = 2;
    static final byte HELLO = 11;
    static final byte RESULT = 12;
    static final byte FAILURE = 13;

    private static final int TASK_LENGTH = 1 + 4 + 4 + 8 + 4 + 8 + 8 + 4 + 1 + 1 + 4;
    private static final int RESULT_LENGTH = 1 + 4 + 8 + 2;  // without the lateness: 8 bytes each
    private static final int HELLO_LENGTH = 1 + 4 + 4 + 8;
    /** The lateness of a task without waits: shared, never written. */
    static final long[] NO_WAITS = new long[0];

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

    /** A completed task: {@code lateness} holds, in nanoseconds, how late each of its waits ended. */
    record Result(int tag, long value, long[] lateness) implements Reply {
    }

    /** A failed task: {@code lateness} as in {@link Result}, for the waits that ended before it failed. */
    record Failure(int tag, long[] lateness, String type, String message) implements Reply {
    }

    /** What the parent says to a worker. */
    sealed interface Command permits Task, ControlCommand {
    }

    record Task(int tag, TaskSpec spec) implements Command {
    }

    record ControlCommand(Control control) implements Command {
    }

    static void writeTask(DataOutputStream out, int tag, TaskSpec spec) throws IOException {
        out.writeInt(TASK_LENGTH);
        out.writeByte(TASK);
        out.writeInt(tag);
        out.writeInt(spec.index());
        out.writeLong(spec.token());
        out.writeInt(spec.waits());
        out.writeLong(spec.ioNanos());
        out.writeLong(spec.cpuUnits());
        out.writeInt(spec.failingWait());
        out.writeByte(spec.computeFails() ? 1 : 0);
        out.writeByte(spec.waitKind().ordinal());
        out.writeInt(spec.bytes());
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

    /**
     * Writes a result frame.
     *
     * @throws IllegalArgumentException if there are more than {@value #MAX_WAITS} latenesses
     */
    static void writeResult(DataOutputStream out, int tag, long value, long[] lateness) throws IOException {
        out.writeInt(RESULT_LENGTH + 8 * checkWaits(lateness));
        out.writeByte(RESULT);
        out.writeInt(tag);
        out.writeLong(value);
        writeLateness(out, lateness);
    }

    /**
     * Writes a failure frame; the type and message are cut to {@value #MAX_TEXT} characters.
     *
     * @throws IllegalArgumentException if there are more than {@value #MAX_WAITS} latenesses
     */
    static void writeFailure(DataOutputStream out, int tag, long[] lateness, String type, String message)
            throws IOException {
        byte[] t = text(type);
        byte[] m = text(message);
        out.writeInt(1 + 4 + 2 + 8 * checkWaits(lateness) + 2 + t.length + 2 + m.length);
        out.writeByte(FAILURE);
        out.writeInt(tag);
        writeLateness(out, lateness);
        out.writeShort(t.length);
        out.write(t);
        out.writeShort(m.length);
        out.write(m);
    }

    private static int checkWaits(long[] lateness) {
        if (lateness.length > MAX_WAITS) {
            throw new IllegalArgumentException("lateness: " + lateness.length + " waits (expected: <= " + MAX_WAITS + ")");
        }
        return lateness.length;
    }

    private static void writeLateness(DataOutputStream out, long[] lateness) throws IOException {
        out.writeShort(lateness.length);
        for (long nanos : lateness) {
            out.writeLong(nanos);
        }
    }

    /** Decodes one frame (its type byte and fields, without the length) sent to a worker. */
    static Command decodeCommand(ByteBuffer frame) throws MalformedFrameException {
        byte type = frame.get();
        Command command = switch (type) {
            case TASK -> {
                expectLength(frame, TASK_LENGTH, "task");
                int tag = frame.getInt();
                int index = frame.getInt();
                long token = frame.getLong();
                int waits = frame.getInt();
                long ioNanos = frame.getLong();
                long cpuUnits = frame.getLong();
                int failingWait = frame.getInt();
                boolean computeFails = frame.get() != 0;
                int waitKind = frame.get();
                int bytes = frame.getInt();
                if (waitKind < 0 || waitKind >= TaskSpec.Wait.values().length) {
                    throw new MalformedFrameException("task frame: wait kind " + waitKind + " (expected: 0 to "
                            + (TaskSpec.Wait.values().length - 1) + ")");
                }
                if (waits > MAX_WAITS) {
                    throw new MalformedFrameException("task frame: waits " + waits + " (expected: <= " + MAX_WAITS + ")");
                }
                try {
                    yield new Task(tag, new TaskSpec(index, token, waits, ioNanos, cpuUnits, failingWait, computeFails,
                            TaskSpec.Wait.values()[waitKind], bytes));
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
                if (frame.remaining() + 1 < RESULT_LENGTH) {
                    throw new MalformedFrameException("result frame length: " + (frame.remaining() + 1)
                            + " (expected: " + RESULT_LENGTH + " + 8 per wait)");
                }
                int tag = frame.getInt();
                long value = frame.getLong();
                long[] lateness = readLateness(frame);
                if (frame.hasRemaining()) {
                    throw new MalformedFrameException("result frame: " + frame.remaining() + " bytes left over (expected: 0)");
                }
                yield new Result(tag, value, lateness);
            }
            case FAILURE -> {
                int tag = readInt(frame);
                long[] lateness = readLateness(frame);
                String kind = readText(frame);
                String message = readText(frame);
                if (frame.hasRemaining()) {
                    throw new MalformedFrameException("failure frame: " + frame.remaining() + " bytes left over (expected: 0)");
                }
                yield new Failure(tag, lateness, kind, message);
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

    private static long[] readLateness(ByteBuffer frame) throws MalformedFrameException {
        if (frame.remaining() < 2) {
            throw new MalformedFrameException("frame: " + frame.remaining() + " bytes left (expected: a count of waits)");
        }
        int waits = Short.toUnsignedInt(frame.getShort());
        if (waits > MAX_WAITS) {
            throw new MalformedFrameException("waits: " + waits + " (expected: <= " + MAX_WAITS + ")");
        }
        if (frame.remaining() < 8 * waits) {
            throw new MalformedFrameException("waits: " + waits + " (expected: <= " + frame.remaining() / 8
                    + ", the latenesses left in the frame)");
        }
        long[] lateness = waits == 0 ? NO_WAITS : new long[waits];
        for (int i = 0; i < waits; i++) {
            lateness[i] = frame.getLong();
        }
        return lateness;
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
