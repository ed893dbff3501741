namespace ImageQuality.Dicom.Tests.Conformance;

/// <summary>What one line of dcmdump's output describes.</summary>
internal enum DcmdumpLineKind
{
    /// <summary>An element with a printed value: <c>[text]</c>, numbers <c>1\2</c> or hex <c>00\01</c>.</summary>
    Value,

    /// <summary><c>(no value available)</c>: a zero-length value.</summary>
    Empty,

    /// <summary><c>(not loaded)</c>: a value longer than the load threshold (-M); only its length is known.</summary>
    NotLoaded,

    /// <summary><c>(Sequence with explicit|undefined length #=N)</c>: N items follow.</summary>
    Sequence,

    /// <summary><c>(Item with explicit|undefined length #=N)</c> or a DICOMDIR <c>"Directory Record" TYPE #=N</c>: N elements follow.</summary>
    Item,

    /// <summary><c>(PixelSequence #=N)</c>: N fragment items (the Basic Offset Table first) follow.</summary>
    PixelSequence,

    /// <summary>Item, item delimitation and sequence delimitation lines, which carry nothing to compare.</summary>
    Delimiter,
}

/// <summary>
/// One element line of dcmdump's output: <c>(gggg,eeee) VR value  # length, VM Name</c>, indented two spaces per
/// nesting level. <see cref="Length"/> is null for "u/l" (undefined length); <see cref="Count"/> is the "#=N"
/// of sequences, items and pixel sequences.
/// </summary>
internal sealed record DcmdumpLine(int Depth, DicomTag Tag, string VR, DcmdumpLineKind Kind, string Text, long? Length, int VM, int Count)
{
    public override string ToString() => $"{new string(' ', Depth * 2)}{Tag} {VR} {Text} # {Length?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "u/l"}, {VM}";
}
