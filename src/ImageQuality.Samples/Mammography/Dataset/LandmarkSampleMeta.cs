namespace ImageQuality.Samples.Mammography.Dataset;

/// <summary>One line of meta.jsonl: what the trainer needs besides the input and the label bits.</summary>
public sealed record LandmarkSampleMeta
{
    public required int Index { get; init; }

    public required string View { get; init; }

    public required string Laterality { get; init; }

    /// <summary>On the model grid (cell centres at integers); null when out of the field or not annotated.</summary>
    public (double X, double Y)? Nipple { get; init; }

    public bool NippleInProfile { get; init; }

    /// <summary>Top, then lower end, on the model grid; null on CC or when not annotated.</summary>
    public IReadOnlyList<(double X, double Y)>? PectoralEdge { get; init; }

    /// <summary>Millimetres (breast plane) of one grid cell across (x) and down (y).</summary>
    public required (double X, double Y) PixelSpacingMm { get; init; }

    public IReadOnlyList<string> Faults { get; init; } = [];

    /// <summary>Group key: images of one source (a synthetic breast, a study) stay on one side of a split.</summary>
    public required string Source { get; init; }

    /// <summary>Which label channels were drawn: breast, pectoral, IMF (false: the channel is unknown, not empty).</summary>
    public required (bool Breast, bool Pectoral, bool Imf) Labelled { get; init; }

    /// <summary>How the image was turned to the canonical orientation ("header" or "image").</summary>
    public required string OrientationSource { get; init; }

    public required (int Columns, int Rows) ImageSize { get; init; }
}
