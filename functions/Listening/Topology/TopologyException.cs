namespace Listening.Topology;

/// <summary>host.json or a function.json is missing, malformed, or names something nothing implements.</summary>
public sealed class TopologyException(string message) : Exception(message);
