namespace ImageQuality.Storage.Results;

/// <summary>What a result is about: an instance (by SOP Instance UID) or a study (by Study Instance UID).</summary>
public sealed record ResultSubject(ResultScope Scope, string Uid, string StudyInstanceUid)
{
    public static ResultSubject Instance(string sopInstanceUid, string studyInstanceUid) => new(ResultScope.Instance, sopInstanceUid, studyInstanceUid);

    public static ResultSubject Study(string studyInstanceUid) => new(ResultScope.Study, studyInstanceUid, studyInstanceUid);
}

/// <summary>Instance- or study-level; stored as the lower-case name.</summary>
public enum ResultScope
{
    Instance,
    Study,
}
