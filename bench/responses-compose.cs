// Thank-you composition + loyalty decision, CPU time per item (no I/O): dotnet run -c Release bench/responses-compose.cs
#:project ../functions/Listening.Core/Listening.Core.csproj
#:property PublishAot=false
#:property JsonSerializerIsReflectionEnabledByDefault=true
using System.Diagnostics;
using Listening.Core.Loyalty;
using Listening.Core.Responses;

var dir = Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? ".", "..", "functions", "Listening.Pipeline", "Responses", "templates");
var catalog = ResponseCatalog.Parse(File.ReadAllText(Path.Combine(dir, "catalog.json")));
var bodies = Directory.GetFiles(dir, "*.liquid").ToDictionary(f => Path.GetFileNameWithoutExtension(f), File.ReadAllText);
var composer = new ThankYouComposer(catalog, bodies, new ResponseRules());
var policy = new LoyaltyPolicy(new LoyaltyRules());
var samples = ThankYouSamples.All(catalog).Select(s => s.Request).ToList();
for (var i = 0; i < 5_000; i++) composer.Compose(samples[i % samples.Count]);

const int n = 50_000;
var process = Process.GetCurrentProcess();
var cpu = process.TotalProcessorTime;
var wall = Stopwatch.StartNew();
for (var i = 0; i < n; i++)
{
    var r = samples[i % samples.Count];
    policy.Decide(r.Item with { Text = "Доставка приехала вовремя, курьер вежливый, всё понравилось" }, [], DateTimeOffset.UnixEpoch);
    composer.Compose(r);
}
process.Refresh();
var cpuPerItem = (process.TotalProcessorTime - cpu).TotalMilliseconds * 1000 / n;
Console.WriteLine($"{n} decisions + messages: {cpuPerItem:0} µs CPU each ({1_000_000 / cpuPerItem:0}/s per core); wall {wall.Elapsed.TotalSeconds:0.0} s");
