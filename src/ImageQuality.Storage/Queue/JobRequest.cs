namespace ImageQuality.Storage.Queue;

/// <summary>
/// A job to queue: what to do (<paramref name="Kind"/>, e.g. "analyze-instance") to what (<paramref name="Subject"/>,
/// e.g. a SOP Instance UID), not before a time. A second request for a kind and subject that is still waiting moves
/// the waiting one's time later instead of adding a job (a study settles once, after its last instance), or, with
/// <paramref name="Expedite"/>, earlier (the study's expected set is complete: judge it now).
/// </summary>
public sealed record JobRequest(string Kind, string Subject, DateTimeOffset NotBefore, int MaxAttempts = 5, bool Expedite = false);
