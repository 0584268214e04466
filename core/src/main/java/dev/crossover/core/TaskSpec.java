package dev.crossover.core;

/**
 * One task as data; every model interprets it with its own mechanism.
 *
 * <p>A task first waits: {@code waits} concurrent waits of {@code ioNanos} each (0 waits: none;
 * more than one: a fan-out that is gathered as a group). Then it computes {@code cpuUnits} of the
 * {@link Kernel} from its {@code token}. Its result is what {@link #compute()} returns.
 *
 * <p>Faults are part of the data, so every model fails the same tasks: wait number
 * {@code failingWait} fails after {@link #failingWaitNanos()} (before the others end, so a group
 * has siblings to cancel), and a task with {@code computeFails} throws instead of computing.
 *
 * @param index       the task's number in its workload, from 0
 * @param token       the seed of its kernel, derived from the workload's seed and the index
 * @param waits       how many concurrent waits it makes before computing
 * @param ioNanos     how long each wait lasts
 * @param cpuUnits    kernel units it computes after waiting
 * @param failingWait the wait that fails, or -1 for none
 * @param computeFails whether {@link #compute()} throws
 * @param waitKind    how each wait waits: on a timer, a request to the delay server, a file round trip
 * @param bytes       the bytes its real I/O moves (the response body, the file), 0 for a timer
 * @param accounts    for the {@code shared} workload, how many accounts its transfer picks two of
 *                    ({@link #from()}, {@link #to()}, {@link #amount()}); 0 for a task without one
 */
public record TaskSpec(int index, long token, int waits, long ioNanos, long cpuUnits, int failingWait,
                       boolean computeFails, Wait waitKind, int bytes, int accounts) {
    private static final long TRANSFER_SALT = 0x7AB5_FE85_A11CL;
    /** The largest amount a transfer moves. */
    public static final int MAX_AMOUNT = 1_000;

    /** How a task waits. */
    public enum Wait {
        /** A timer of {@code ioNanos}. */
        TIMER,
        /** A request to the loopback delay server, which answers after {@code ioNanos} with {@code bytes} bytes. */
        HTTP,
        /** Its own file: write {@code bytes}, fsync, read them back. */
        FILE
    }

    /** A task that waits on timers, without a transfer. */
    public TaskSpec(int index, long token, int waits, long ioNanos, long cpuUnits, int failingWait,
                    boolean computeFails) {
        this(index, token, waits, ioNanos, cpuUnits, failingWait, computeFails, Wait.TIMER, 0, 0);
    }

    /** A task that waits on timers, with a transfer between two of {@code accounts} accounts. */
    public TaskSpec(int index, long token, int waits, long ioNanos, long cpuUnits, int failingWait,
                    boolean computeFails, int accounts) {
        this(index, token, waits, ioNanos, cpuUnits, failingWait, computeFails, Wait.TIMER, 0, accounts);
    }

    /** A task whose wait is {@code waitKind}, without a transfer. */
    public TaskSpec(int index, long token, int waits, long ioNanos, long cpuUnits, int failingWait,
                    boolean computeFails, Wait waitKind, int bytes) {
        this(index, token, waits, ioNanos, cpuUnits, failingWait, computeFails, waitKind, bytes, 0);
    }

    public TaskSpec {
        Checks.argument(accounts == 0 || accounts >= 2, "accounts", accounts, "0, or at least 2 for a transfer");
        Checks.notNegative("index", index);
        Checks.notNegative("waits", waits);
        Checks.notNegative("ioNanos", ioNanos);
        Checks.notNegative("cpuUnits", cpuUnits);
        Checks.argument(failingWait >= -1 && failingWait < Math.max(waits, 1) && (failingWait < 0 || waits > 0),
                "failingWait", failingWait, "-1 or a wait index below " + waits);
        java.util.Objects.requireNonNull(waitKind, "waitKind");
        Checks.notNegative("bytes", bytes);
        Checks.argument(waitKind == Wait.TIMER || waits == 1, "waits", waits, "1 for a task that waits on " + waitKind);
        Checks.argument(waitKind != Wait.TIMER || bytes == 0, "bytes", bytes, "0 for a task that waits on a timer");
    }

    /** {@return whether its wait is real I/O (a request or a file) whose bytes fold into the result} */
    public boolean realIo() {
        return waitKind != Wait.TIMER;
    }

    /** {@return the checksum of the bytes an intact transfer of this task moves ({@link Body#expectedChecksum})} */
    public long expectedIoChecksum() {
        return Body.expectedChecksum(token, bytes);
    }

    /** {@return whether the spec makes the task fail (a failing wait or computation)} */
    public boolean injectsFailure() {
        return failingWait >= 0 || computeFails;
    }

    /** {@return whether wait number {@code wait} fails instead of completing} */
    public boolean waitFails(int wait) {
        return wait == failingWait;
    }

    /** {@return how long the failing wait lasts before it fails: half of {@code ioNanos}} */
    public long failingWaitNanos() {
        return ioNanos / 2;
    }

    /** {@return how long wait number {@code wait} lasts before it completes or fails} */
    public long waitNanos(int wait) {
        return waitFails(wait) ? failingWaitNanos() : ioNanos;
    }

    /** {@return the failure that wait number {@code wait} ends with} */
    public InjectedFailure waitFailure(int wait) {
        return new InjectedFailure("task " + index + ": wait " + wait + " failed (injected)");
    }

    /**
     * Runs the task's CPU phase on the calling thread.
     *
     * @return the task's result
     * @throws InjectedFailure if the spec says the computation fails
     */
    public long compute() {
        return realIo() ? compute(expectedIoChecksum()) : computeKernel();
    }

    /**
     * Runs the task's CPU phase on the calling thread and folds in {@code ioChecksum}, the
     * {@link Body.Sum} of the bytes its real I/O received or read back: what a model that really
     * moved the bytes reports, equal to {@link #compute()} exactly when the bytes were intact.
     *
     * @return the task's result
     * @throws InjectedFailure if the spec says the computation fails
     * @throws IllegalStateException if the task waits on a timer (it has no bytes to fold in)
     */
    public long compute(long ioChecksum) {
        if (!realIo()) {
            throw new IllegalStateException("task " + index + ": waits on a timer (expected: compute() without bytes)");
        }
        return computeKernel() ^ Mix.mix64(ioChecksum + Mix.GOLDEN);
    }

    private long computeKernel() {
        if (computeFails) {
            throw new InjectedFailure("task " + index + ": computation failed (injected)");
        }
        return Kernel.compute(token, cpuUnits);
    }

    /** {@return whether the task ends with a transfer between two accounts (the {@code shared} workload)} */
    public boolean transfers() {
        return accounts > 0;
    }

    /** {@return the account the transfer takes {@link #amount()} from}: drawn from the token, in [0, accounts) */
    public int from() {
        return (int) Long.remainderUnsigned(Mix.mix64(token ^ TRANSFER_SALT), accounts);
    }

    /** {@return the account the transfer gives {@link #amount()} to}: drawn from the token, never {@link #from()} */
    public int to() {
        long h = Mix.mix64(Mix.mix64(token ^ TRANSFER_SALT) + Mix.GOLDEN);
        return (int) ((from() + 1 + Long.remainderUnsigned(h, accounts - 1)) % accounts);
    }

    /** {@return how much the transfer moves}: drawn from the token, in [1, {@value #MAX_AMOUNT}] */
    public long amount() {
        return 1 + Long.remainderUnsigned(Mix.mix64(token + TRANSFER_SALT), MAX_AMOUNT);
    }
}
