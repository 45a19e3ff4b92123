package app.physioportal.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** CPU time and heap of the server process, read from /proc and with jcmd (same machine, same user). */
final class ServerProbe {

    private static final Pattern HEAP_USED = Pattern.compile("heap.*?used (\\d+)K", Pattern.DOTALL);
    private static final Pattern HISTOGRAM_LINE = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

    private final long pid;
    private final long clockTicks;
    private final Path jcmd;

    ServerProbe(long pid) {
        this.pid = pid;
        this.clockTicks = clockTicksPerSecond();
        this.jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isReadable(Path.of("/proc", Long.toString(pid), "stat"))) {
            throw new IllegalArgumentException("no process " + pid + " on this machine");
        }
    }

    /** utime + stime of the process so far, in seconds. */
    double cpuSeconds() {
        return cpuSeconds(pid);
    }

    double cpuSeconds(long processId) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(processId), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // After "pid (comm) ", fields[0] is field 3 (state): utime is field 14, stime field 15.
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks / (double) clockTicks;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double ownCpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) clockTicksPerSecond();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A full GC (jcmd GC.run), then the heap in use (GC.heap_info), in KB. */
    long heapAfterFullGcKb() {
        run("GC.run");
        String info = run("GC.heap_info");
        Matcher used = HEAP_USED.matcher(info);
        if (!used.find()) {
            throw new IllegalStateException("cannot read the heap from: " + info);
        }
        return Long.parseLong(used.group(1));
    }

    /** Live objects per class after a full GC (jcmd GC.class_histogram): class -> {instances, bytes}. */
    Map<String, long[]> classHistogram() {
        Map<String, long[]> histogram = new HashMap<>();
        for (String line : run("GC.class_histogram").split("\n")) {
            Matcher m = HISTOGRAM_LINE.matcher(line);
            if (m.find()) {
                histogram.merge(m.group(3), new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))},
                        (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
            }
        }
        return histogram;
    }

    private String run(String command) {
        try {
            Process process = new ProcessBuilder(List.of(jcmd.toString(), Long.toString(pid), command))
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + command + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long clockTicksPerSecond() {
        try {
            Process process = new ProcessBuilder("getconf", "CLK_TCK").start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            process.waitFor();
            return Long.parseLong(out);
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
