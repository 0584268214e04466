package dev.crossover.processes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Reads {@link Protocol} frames from a stream in batches: {@link #fill()} blocks until at least one
 * whole frame is buffered, then {@link #next()} hands out every whole frame already read without
 * blocking. One {@code read} of the pipe usually brings many frames, so the reader handles them
 * under one lock and wakes its consumer once per batch rather than once per frame.
 *
 * <h2>Threading</h2>
 * Confined to one reading thread.
 */
final class FrameReader {
    private final InputStream in;
    private final byte[] buffer = new byte[4 * Protocol.MAX_FRAME];
    private final ByteBuffer view = ByteBuffer.wrap(buffer);
    private int start;
    private int end;

    FrameReader(InputStream in) {
        this.in = Objects.requireNonNull(in, "in");
    }

    /**
     * Blocks until a whole frame is buffered.
     *
     * @return false if the stream ended cleanly between frames
     * @throws MalformedFrameException if a length is out of range
     * @throws java.io.EOFException if the stream ends inside a frame
     * @throws IOException if reading fails
     */
    boolean fill() throws IOException {
        while (!hasWholeFrame()) {
            if (start > 0) {  // compact: move the partial frame to the front
                System.arraycopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }
            int n = in.read(buffer, end, buffer.length - end);
            if (n < 0) {
                if (end == start) {
                    return false;
                }
                // The worker died mid-write (killed, out of memory): its exit status says why, not the bytes.
                throw new java.io.EOFException("stream: ended " + (end - start) + " bytes into a frame");
            }
            end += n;
        }
        return true;
    }

    /**
     * {@return the next whole buffered frame (type byte and fields), or null if none is buffered};
     * the buffer is valid until the next call
     * @throws MalformedFrameException if a length is out of range
     */
    ByteBuffer next() throws MalformedFrameException {
        if (!hasWholeFrame()) {
            return null;
        }
        int length = view.getInt(start);
        ByteBuffer frame = ByteBuffer.wrap(buffer, start + 4, length).slice();
        start += 4 + length;
        return frame;
    }

    private boolean hasWholeFrame() throws MalformedFrameException {
        if (end - start < 4) {
            return false;
        }
        int length = view.getInt(start);
        if (length < 1 || length > Protocol.MAX_FRAME) {
            throw new MalformedFrameException("frame length: " + length + " (expected: 1 to " + Protocol.MAX_FRAME + ")");
        }
        return end - start - 4 >= length;
    }
}
