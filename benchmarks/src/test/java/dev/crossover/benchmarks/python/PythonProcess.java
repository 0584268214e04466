package dev.crossover.benchmarks.python;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code python -m crossover_py ARGS} from an unpacked package for a test, its output kept off the
 * console; kills it (and what it started) if it outlasts the timeout.
 */
final class PythonProcess {
    /** What the interpreter did. */
    record Result(int exitCode, String out, String err) {
    }

    private PythonProcess() {
    }

    static Result run(PythonRuntime python, PythonPackage pkg, long timeoutSeconds, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(python.executable().toString(), "-m", "crossover_py"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("crossover-py", ".out");
        Path err = Files.createTempFile("crossover-py", ".err");
        try {
            Process p = pkg.environment(new ProcessBuilder(command)).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE).start();
            try {
                p.getOutputStream().close();
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    throw new AssertionError("python " + String.join(" ", args) + ": no exit within " + timeoutSeconds + " s");
                }
            } finally {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
