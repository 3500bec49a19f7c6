using System.CommandLine;
using System.Diagnostics;
using System.Runtime;
using System.Runtime.InteropServices;
using Listening.Core.Text;
using Listening.Ml.Prediction;

namespace Listening.Cli;

/// <summary>
/// `listening bench sentiment`: model file size, load time, and predictions per second on one
/// thread for 200-character texts (featurisation included); `--against` measures a second model in the same seconds,
/// `--texts` scores real texts instead of the built-in phrases.
/// </summary>
internal static class BenchCommand
{
    // Mixed Russian and English feedback phrases, cut and joined into 200-character texts.
    private static readonly string[] Phrases =
    [
        "Доставка пришла на день раньше, курьер вежливый", "приложение постоянно вылетает после обновления",
        "в отделении очередь на час, а окно работает одно", "The staff were friendly and the room was spotless",
        "my flight was delayed three hours and nobody told us why", "цены выросли, а качество осталось прежним",
        "Great app, but the search could be faster", "оператор решил вопрос за пять минут, спасибо!",
        "@support still waiting for a refund :(", "пункт выдачи чистый, заказ выдали быстро)))",
        "terrible customer service, never again", "в целом нормально, ничего особенного",
    ];

    public static Command Create()
    {
        var model = DataOptions.Model();
        var seconds = new Option<double>("--seconds") { Description = "How long to measure.", DefaultValueFactory = _ => 5 };
        var against = new Option<FileInfo?>("--against")
        {
            Description = "A second model scored in the same process, in alternating windows of the texts with the first: the ratio of "
                + "their rates, measured in the same seconds (the shared machine's speed swings 2× from minute to minute).",
        };
        var textsFile = new Option<FileInfo?>("--texts")
        {
            Description = "Score these texts instead of the built-in phrases: one per line, each cut to 200 characters (real texts hit more of the weight table).",
        };
        var sentiment = new Command("sentiment", "Benchmark the sentiment model: size, load time, single-thread predictions/s on 200-character texts.")
        {
            model, seconds, against, textsFile,
        };
        sentiment.SetAction(parse => Run(parse.GetValue(model)!.FullName, parse.GetValue(seconds), parse.GetValue(against)?.FullName, parse.GetValue(textsFile)?.FullName));
        return new Command("bench", "Benchmarks.") { sentiment };
    }

    private static int Run(string path, double seconds, string? against, string? textsPath)
    {
        foreach (var file in new[] { path, against, textsPath })
        {
            if (file is null || File.Exists(file)) continue;
            Console.Error.WriteLine($"bench: model not found: {file}");
            return 2;
        }
        var clock = Stopwatch.StartNew();
        var cpuLoad = CpuTime();
        var scorer = PooledSentimentScorer.Load(path);
        scorer.Score("warm up");
        var coldLoad = clock.Elapsed;
        var coldLoadCpu = CpuTime() - cpuLoad;
        // Warm: the best of three loads (wall clock and the process's CPU time; on a shared machine the wall clock
        // also counts other processes' turns, and the CPU time counts the GC's and JIT's background threads).
        var warmLoad = TimeSpan.MaxValue;
        var warmLoadCpu = TimeSpan.MaxValue;
        for (var k = 0; k < 3; k++)
        {
            scorer = null!;
            GC.Collect();
            cpuLoad = CpuTime();
            clock.Restart();
            scorer = PooledSentimentScorer.Load(path);
            scorer.Score("warm up");
            if (clock.Elapsed < warmLoad) warmLoad = clock.Elapsed;
            if (CpuTime() - cpuLoad < warmLoadCpu) warmLoadCpu = CpuTime() - cpuLoad;
        }

        // The three discarded loads leave ML.NET objects whose finalizers (dynamic methods) would otherwise run on the
        // finalizer thread during the measurement below and be counted in the process's CPU time.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var texts = textsPath is null ? Texts(1000)
            : File.ReadLines(textsPath).Where(l => l.Trim().Length > 0).Select(l => l.Length > 200 ? l[..200] : l).ToArray();
        if (texts.Length == 0)
        {
            Console.Error.WriteLine($"bench: no texts in {textsPath}");
            return 2;
        }
        // JIT and pool warm-up: at least 2,000 predictions and one second, and until tiered compilation has settled (no method
        // compiled for a second; at most 30 s). The loads above queue hundreds of ML.NET methods for background re-compilation;
        // that thread ran for 5–8 s after the loads (a profile: 14 % of a whole bench run's samples), longer the more models the
        // file holds, and it would be counted below in the process's CPU time, not this thread's (measured now, to be sure).
        clock.Restart();
        var compiled = JitInfo.GetCompiledMethodCount();
        var settled = Stopwatch.StartNew();
        for (var i = 0; i < 2000 || clock.Elapsed < TimeSpan.FromSeconds(1) || settled.Elapsed < TimeSpan.FromSeconds(1); i++)
        {
            scorer.Score(texts[i % texts.Length]);
            if (i % 500 != 0) continue;
            if (JitInfo.GetCompiledMethodCount() is var now && now != compiled)
            {
                compiled = now;
                settled.Restart();
            }
            if (clock.Elapsed > TimeSpan.FromSeconds(30)) break;
        }
        var warmUp = clock.Elapsed;
        long count = 0;
        var cpuStart = ThreadCpuTime();
        clock.Restart();
        var budget = TimeSpan.FromSeconds(seconds);
        while (clock.Elapsed < budget)
        {
            for (var i = 0; i < texts.Length; i++) scorer.Score(texts[i]);
            count += texts.Length;
        }
        var rate = count / clock.Elapsed.TotalSeconds;
        var cpuRate = count / (ThreadCpuTime() - cpuStart).TotalSeconds;

        var scratch = new Listening.Ml.Features.FeatureScratch();
        cpuStart = ThreadCpuTime();
        for (var i = 0; i < 100_000; i++) scorer.Model.Featurizer.Featurize(texts[i % texts.Length], scratch);
        var featurizeRate = 100_000 / (ThreadCpuTime() - cpuStart).TotalSeconds;

        cpuStart = ThreadCpuTime();
        var detected = 0;
        for (var i = 0; i < 100_000; i++) detected += LanguageDetector.Detect(texts[i % texts.Length]).Length;
        var detectRate = 100_000 / (ThreadCpuTime() - cpuStart).TotalSeconds;

        Console.WriteLine($"model file:           {path}");
        if (textsPath is not null) Console.WriteLine($"texts:                {texts.Length:N0} from {textsPath} (each cut to 200 characters)");
        Console.WriteLine($"model size:           {new FileInfo(path).Length / 1024.0 / 1024:F2} MB (target ≤ 20 MB)");
        Console.WriteLine($"load + first score:   {coldLoad.TotalMilliseconds:F0} ms cold (first in process, incl. JIT; {coldLoadCpu.TotalMilliseconds:F0} ms CPU), {warmLoad.TotalMilliseconds:F0} ms warm (best of 3; {warmLoadCpu.TotalMilliseconds:F0} ms CPU) (target < 1000 ms)");
        Console.WriteLine($"predictions/s:        {cpuRate:N0} per CPU-second of one thread, 200-char texts, featurisation included (target ≥ 40,000); {rate:N0} per wall-clock second (after {warmUp.TotalSeconds:F1} s of warm-up)");
        Console.WriteLine($"featurisation only/s: {featurizeRate:N0} per CPU-second");
        Console.WriteLine($"language detection/s: {detectRate:N0} per CPU-second");
        GC.KeepAlive(detected);

        if (scorer.Model.Members.Count > 0)
        {
            // The fused table against the same ensemble scored member by member (each its own table), in the same seconds.
            var (fused, apart) = Alternate(t => scorer.ScoreModel(t), t => scorer.ScoreModelMemberByMember(t), texts, budget);
            Console.WriteLine($"ensemble, model only: {fused:N0} per CPU-second fused, {apart:N0} member by member (alternating windows; {fused / apart:F2}×)");
        }
        if (against is not null)
        {
            var other = PooledSentimentScorer.Load(against);
            other.Score("warm up");
            compiled = JitInfo.GetCompiledMethodCount();
            settled.Restart();
            clock.Restart();
            for (var i = 0; i < 2000 || settled.Elapsed < TimeSpan.FromSeconds(1); i++)
            {
                other.Score(texts[i % texts.Length]);
                if (i % 500 == 0 && JitInfo.GetCompiledMethodCount() is var now && now != compiled)
                {
                    compiled = now;
                    settled.Restart();
                }
                if (clock.Elapsed > TimeSpan.FromSeconds(30)) break;
            }
            var (mine, theirs) = Alternate(t => scorer.Score(t), t => other.Score(t), texts, budget);
            Console.WriteLine($"against:              {against} ({new FileInfo(against).Length / 1024.0 / 1024:F2} MB)");
            Console.WriteLine($"alternating windows:  {mine:N0} vs {theirs:N0} predictions per CPU-second, this model {mine / theirs:F2}× the other (same process, same seconds)");
        }
        return 0;
    }

    /// <summary>
    /// Two scorers' predictions per CPU-second, measured in alternating windows of the texts (A B B A …, so neither
    /// always goes first) until <paramref name="budget"/> has passed for both together.
    /// </summary>
    private static (double A, double B) Alternate(Func<string, object> a, Func<string, object> b, string[] texts, TimeSpan budget)
    {
        var cpu = new[] { TimeSpan.Zero, TimeSpan.Zero };
        var counts = new long[2];
        Func<string, object>[] scorers = [a, b];
        var clock = Stopwatch.StartNew();
        for (var window = 0; window < 4 || clock.Elapsed < budget; window++)
        {
            // Windows 0, 3, 4, 7, 8, … score A first; 1, 2, 5, 6, … score B first.
            var first = (window + 1) / 2 % 2;
            foreach (var which in new[] { first, 1 - first })
            {
                var start = ThreadCpuTime();
                foreach (var text in texts) scorers[which](text);
                cpu[which] += ThreadCpuTime() - start;
                counts[which] += texts.Length;
            }
        }
        return (counts[0] / cpu[0].TotalSeconds, counts[1] / cpu[1].TotalSeconds);
    }

    // CPU time, not wall time: on a shared machine the wall clock also counts other processes' turns.
    private static TimeSpan CpuTime() => Process.GetCurrentProcess().TotalProcessorTime;

    /// <summary>
    /// This thread's CPU time (Linux: clock_gettime(CLOCK_THREAD_CPUTIME_ID), nanoseconds), so the rates count the scoring
    /// thread's work — the GC's gen-0 collections included, as they run on it — and not the JIT's or the GC's background
    /// threads; elsewhere the process's CPU time.
    /// </summary>
    private static TimeSpan ThreadCpuTime() =>
        OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTime, out var t) == 0
            ? TimeSpan.FromTicks(t.Seconds * TimeSpan.TicksPerSecond + t.Nanoseconds / 100)
            : CpuTime();

    private const int ClockThreadCpuTime = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out Timespec time);

    /// <summary>Deterministic 200-character texts drawn from <see cref="Phrases"/>.</summary>
    internal static string[] Texts(int count)
    {
        var random = new Random(42);
        var texts = new string[count];
        for (var i = 0; i < count; i++)
        {
            var text = "";
            while (text.Length < 200) text += Phrases[random.Next(Phrases.Length)] + ". ";
            texts[i] = text[..200];
        }
        return texts;
    }
}
