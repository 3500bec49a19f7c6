namespace Listening.Core.Tests.Channels;

/// <summary>Payload fixtures written from each tool's documentation (Channels/Payloads).</summary>
internal static class Payload
{
    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Channels", "Payloads", name));
    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Channels", "Payloads", name));
}
