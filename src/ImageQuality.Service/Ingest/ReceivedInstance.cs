namespace ImageQuality.Service.Ingest;

/// <summary>A file that is durably in the store and waits to be indexed.</summary>
/// <param name="Path">Its full path.</param>
/// <param name="CallingAeTitle">The sender, or null for imported files.</param>
/// <param name="ReceivedAt">When it was stored.</param>
/// <param name="ReplacedExisting">The store overwrote an earlier copy of the same instance: re-index and re-analyse it.</param>
public sealed record ReceivedInstance(string Path, string? CallingAeTitle, DateTimeOffset ReceivedAt, bool ReplacedExisting = false);
