package dev.crossover.eventloop;

import java.util.Arrays;

/**
 * The loop's timers: a binary min-heap ordered by deadline, then by arming order (so timers with
 * the same deadline fire first-armed, first-fired). Each timer knows its index, so cancelling is
 * O(log n) and leaves nothing behind (a {@link java.util.PriorityQueue} would scan on removal).
 *
 * <h2>Threading</h2>
 * Confined to the loop thread; not thread-safe.
 */
final class TimerQueue {
    private Timer[] heap = new Timer[64];
    private int size;

    int size() {
        return size;
    }

    /** {@return the earliest timer, or null when none is pending} */
    Timer peek() {
        return size == 0 ? null : heap[0];
    }

    void add(Timer timer) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        timer.index = size;
        heap[size++] = timer;
        siftUp(timer.index);
    }

    /** Removes and returns the earliest timer; the queue must not be empty. */
    Timer poll() {
        Timer first = heap[0];
        removeAt(0);
        return first;
    }

    /** {@return whether the timer was queued} and removes it if so. */
    boolean remove(Timer timer) {
        int i = timer.index;
        if (i < 0 || i >= size || heap[i] != timer) {
            return false;
        }
        removeAt(i);
        return true;
    }

    /** Forgets every timer (on shutdown). */
    void clear() {
        for (int i = 0; i < size; i++) {
            heap[i].index = -1;
            heap[i] = null;
        }
        size = 0;
    }

    private void removeAt(int i) {
        Timer removed = heap[i];
        removed.index = -1;
        Timer last = heap[--size];
        heap[size] = null;
        if (i < size) {
            heap[i] = last;
            last.index = i;
            siftDown(i);
            if (heap[i] == last) {
                siftUp(i);
            }
        }
        if (heap.length > 64 && size < heap.length / 4) {
            heap = Arrays.copyOf(heap, heap.length / 2);
        }
    }

    private void siftUp(int i) {
        Timer timer = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(timer, heap[parent])) {
                break;
            }
            place(heap[parent], i);
            i = parent;
        }
        place(timer, i);
    }

    private void siftDown(int i) {
        Timer timer = heap[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && before(heap[right], heap[child])) {
                child = right;
            }
            if (!before(heap[child], timer)) {
                break;
            }
            place(heap[child], i);
            i = child;
        }
        place(timer, i);
    }

    private void place(Timer timer, int i) {
        heap[i] = timer;
        timer.index = i;
    }

    private static boolean before(Timer a, Timer b) {
        long d = a.deadline - b.deadline;  // nanoTime values compare by difference (they may wrap)
        return d < 0 || (d == 0 && a.sequence < b.sequence);
    }
}
