using Listening.Pipeline;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Configuration;

// The Azure host: an isolated worker (HTTP through ASP.NET Core integration, timers). Every function in Functions/ is a
// call into the feature code the local `listening` host runs; the queue stages run through the same QueueDrain.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
// The edge of every HTTP function: roles per function (function keys, API keys, Entra ID app roles), as the local host's.
builder.UseMiddleware<Listening.FunctionApp.AccessWorkerMiddleware>();
builder.Services.AddListening(builder.Configuration);
// Optional: the stages also consume continuously in this process (Listening:Consumers:Continuous=true), next to the
// timer-driven drain — for an always-ready instance that should answer within seconds (docs/azure.md).
if (builder.Configuration.GetValue<bool>($"{ConsumerOptions.Section}:{nameof(ConsumerOptions.Continuous)}"))
    builder.Services.AddHostedService<QueueConsumers>();
builder.Build().Run();
