using ImageQuality.Dicom;

namespace ImageQuality.Analysis.ProstateMr.Headers;

/// <summary>
/// Where the attributes of one frame live. A classic image holds them at the top level; an Enhanced MR image
/// (PS3.3 C.7.6.16) holds them in a functional group macro of its frame's Per-frame Functional Groups item, else of
/// the Shared Functional Groups item, and only the rest at the top level.
/// </summary>
internal readonly struct FrameScope
{
    private readonly DicomDataset? _perFrame;
    private readonly DicomDataset? _shared;

    public FrameScope(DicomDataset top, int frameIndex)
    {
        Top = top;
        FrameIndex = frameIndex;
        List<DicomDataset>? frames = top.FindSequence(DicomTag.PerFrameFunctionalGroupsSequence)?.Items;
        _perFrame = frames is not null && frameIndex < frames.Count ? frames[frameIndex] : null;
        _shared = top.FindSequence(DicomTag.SharedFunctionalGroupsSequence)?.Items.FirstOrDefault();
    }

    public DicomDataset Top { get; }

    public int FrameIndex { get; }

    public bool IsEnhanced => _perFrame is not null || _shared is not null;

    /// <summary>The item of the <paramref name="macro"/> sequence that holds <paramref name="attribute"/> for this frame, or the top level.</summary>
    public DicomDataset? Holder(DicomTag macro, DicomTag attribute)
    {
        if (MacroItem(_perFrame, macro) is { } own && own.Contains(attribute))
        {
            return own;
        }

        if (MacroItem(_shared, macro) is { } shared && shared.Contains(attribute))
        {
            return shared;
        }

        return Top.Contains(attribute) ? Top : null;
    }

    /// <summary>The first item of <paramref name="macro"/> for this frame (per-frame first, then shared).</summary>
    public DicomDataset? Macro(DicomTag macro) => MacroItem(_perFrame, macro) ?? MacroItem(_shared, macro);

    public string? Text(DicomTag macro, DicomTag attribute) => HeaderValues.Text(Holder(macro, attribute), attribute);

    public string[] Tokens(DicomTag macro, DicomTag attribute) => HeaderValues.Tokens(Holder(macro, attribute), attribute);

    public double? Number(DicomTag macro, DicomTag attribute, int index = 0) => HeaderValues.Number(Holder(macro, attribute), attribute, index);

    public double[]? Numbers(DicomTag macro, DicomTag attribute, int count) => HeaderValues.Numbers(Holder(macro, attribute), attribute, count);

    private static DicomDataset? MacroItem(DicomDataset? group, DicomTag macro) =>
        group?.FindSequence(macro)?.Items.FirstOrDefault();
}
