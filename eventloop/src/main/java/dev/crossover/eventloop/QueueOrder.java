package dev.crossover.eventloop;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * Where an {@link AsyncQueue} keeps the elements no get has taken, and which one leaves next:
 * FIFO ({@code asyncio.Queue}), LIFO ({@code LifoQueue}) or lowest first ({@code PriorityQueue}).
 *
 * @param <T> the type of the elements
 */
sealed interface QueueOrder<T> {
    /** Adds a new element. */
    void add(T item);

    /** {@return the element that leaves next, taken out, or null if there is none} */
    T poll();

    /** Takes back {@code item}, handed to a get that dropped out: it is the next to leave again. */
    void giveBack(T item);

    int size();

    void clear();

    /** Oldest first. */
    record Fifo<T>(ArrayDeque<T> items) implements QueueOrder<T> {
        Fifo() {
            this(new ArrayDeque<>());
        }

        @Override
        public void add(T item) {
            items.addLast(item);
        }

        @Override
        public T poll() {
            return items.pollFirst();
        }

        @Override
        public void giveBack(T item) {
            items.addFirst(item);  // older than every element here: see Handoff's Order
        }

        @Override
        public int size() {
            return items.size();
        }

        @Override
        public void clear() {
            items.clear();
        }
    }

    /** Newest first. */
    record Lifo<T>(ArrayDeque<T> items) implements QueueOrder<T> {
        Lifo() {
            this(new ArrayDeque<>());
        }

        @Override
        public void add(T item) {
            items.addLast(item);
        }

        @Override
        public T poll() {
            return items.pollLast();
        }

        @Override
        public void giveBack(T item) {
            items.addLast(item);  // on top again
        }

        @Override
        public int size() {
            return items.size();
        }

        @Override
        public void clear() {
            items.clear();
        }
    }

    /** Lowest first by a comparator; equal elements in no promised order (a binary heap, as heapq). */
    record Priority<T>(PriorityQueue<T> items) implements QueueOrder<T> {
        Priority(Comparator<? super T> order) {
            this(new PriorityQueue<>(Objects.requireNonNull(order, "order")));
        }

        @Override
        public void add(T item) {
            items.add(item);
        }

        @Override
        public T poll() {
            return items.poll();
        }

        @Override
        public void giveBack(T item) {
            items.add(item);
        }

        @Override
        public int size() {
            return items.size();
        }

        @Override
        public void clear() {
            items.clear();
        }
    }
}
