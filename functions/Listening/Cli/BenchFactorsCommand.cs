using System.CommandLine;
using System.Diagnostics;
using Listening.Core.Factors;
using Listening.Core.Factors.Learned;
using Listening.Core.Sentiment;

namespace Listening.Cli;

/// <summary>
/// <c>listening bench-factors [--items N] [--in FILE]</c>: factor extraction + clause sentiment on one
/// thread over ~300-character reviews (built-in ru/en samples, or one text per line of FILE), in items/s.
/// </summary>
internal static class BenchFactorsCommand
{
    // Typical reviews of about 300 characters, half Russian, half English, several clauses each.
    private static readonly string[] Samples =
    [
        "Заказывали доставку в пятницу вечером. Курьер приехал на сорок минут позже обещанного, но еда была горячая и очень вкусная. Официант по телефону был вежлив, однако цены за последний месяц заметно выросли, а порции стали меньше. В целом неплохо, но программа лояльности не работает.",
        "The food was great but the waiter was rude and we waited almost an hour for our mains. Prices are reasonable for the area, the interior is cozy and clean, although the music was far too loud. Parking nearby is impossible on weekends. The app kept crashing when I tried to pay the bill.",
        "Не понравилась доставка: привезли не то, что заказывали, пришлось звонить в поддержку и ждать ответа почти час. Оператор извинился и оформил возврат денег, зато приложение удобное и оплата картой прошла быстро. Ассортимент хороший, качество товара отличное, буду заказывать ещё.",
        "Staff were not friendly at all and nobody could answer a simple question about the refund. The website says items are in stock, however the shop had nothing. Checkout took forever because only one cashier was working. On the plus side the store is clean and the loyalty points are generous.",
    ];

    public static Command Create()
    {
        var items = new Option<int>("--items") { Description = "How many texts to score", DefaultValueFactory = _ => 200_000 };
        var input = new Option<FileInfo?>("--in") { Description = "Texts to score, one per line (default: built-in ~300-character reviews)" };
        var model = new Option<FileInfo?>("--model") { Description = "Sentiment model (model.zip) to score each clause with, as in production" };
        var detectorFile = new Option<FileInfo?>("--detector") { Description = "Also run the learned factor detector (ml-models/factors/detector.bin.gz) on the rules' mentions, as the pipeline does with Listening:Scoring:LearnedFactors" };
        // The built-in texts are reviews; a detector trained with channels reads this one (one a model without channels ignores).
        var channel = new Option<string?>("--channel") { Description = "The channel every text came through, as an item's (default reviews)", DefaultValueFactory = _ => "reviews" };
        var command = new Command("bench-factors", "Benchmark factor extraction with clause sentiment on one core") { items, input, model, detectorFile, channel };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var count = parse.GetValue(items);
            if (count <= 0)
            {
                parse.InvocationConfiguration.Error.WriteLine("bench-factors: --items must be positive");
                return 1;
            }
            var file = parse.GetValue(input);
            if (file is not null && !file.Exists)
            {
                parse.InvocationConfiguration.Error.WriteLine($"bench-factors: file not found: {file.FullName}");
                return 1;
            }
            var texts = file is null ? Samples : File.ReadLines(file.FullName).Where(l => l.Length > 0).Take(10_000).ToArray();
            if (texts.Length == 0)
            {
                parse.InvocationConfiguration.Error.WriteLine("bench-factors: no texts to score");
                return 1;
            }
            ISentimentScorer? clauseScorer;
            LearnedFactorDetector? detector;
            try
            {
                clauseScorer = parse.GetValue(model) is { } modelFile ? EvaluateFactorsCommand.LoadClauseModel(modelFile.FullName) : null;
                detector = parse.GetValue(detectorFile) is { } d ? new LearnedFactorDetector(FactorDetectorModel.Read(File.ReadAllBytes(d.FullName))) : null;
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or FormatException)
            {
                parse.InvocationConfiguration.Error.WriteLine($"bench-factors: {e.Message}");
                return 1;
            }
            var through = parse.GetValue(channel);
            var extractor = new FactorExtractor(FactorTaxonomy.WithPacks(FactorTaxonomy.Shipped.Where(n => n != FactorTaxonomy.DefaultName)), clauseScorer);
            // The rules, then (with --detector) the learned detector over their mentions, as FeedbackScorer reads an item.
            IReadOnlyList<FactorMention> Extract(string text) => detector is null ? extractor.Extract(text)
                : detector.Apply(text, extractor.Read(text, null, null), extractor.Taxonomy, null, null, SentimentLabel.Neutral, clauseScorer, through);
            var mentions = 0L;
            for (var i = 0; i < Math.Min(count, 5_000); i++) mentions += Extract(texts[i % texts.Length]).Count; // warm-up: JIT, stem caches
            mentions = 0;
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < count; i++) mentions += Extract(texts[i % texts.Length]).Count;
            clock.Stop();
            process.Refresh();
            // CPU time as well as wall time: on a shared machine the wall clock also counts time spent waiting for a core.
            var cpu = process.TotalProcessorTime - cpuBefore;
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            var averageLength = texts.Average(t => t.Length);
            output.WriteLine($"bench-factors: {count:N0} texts (avg {averageLength:0} chars, {texts.Length} distinct), one thread, clause sentiment: {(clauseScorer is null ? "opinion words" : "model + opinion words")}, learned detector: {(detector is null ? "off" : detector.Model.ReadsChannel ? $"on, channel {through}" : "on")}");
            output.WriteLine($"  {count / clock.Elapsed.TotalSeconds:N0} items/s wall   {count / cpu.TotalSeconds:N0} items per CPU-second   {clock.Elapsed.TotalMicroseconds / count:0.0} µs/item   {(double)mentions / count:0.0} mentions/item   {allocated / count:N0} B allocated/item");
            return 0;
        });
        return command;
    }
}
