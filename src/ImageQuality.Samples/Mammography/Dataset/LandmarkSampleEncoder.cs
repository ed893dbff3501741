using ImageQuality.Analysis.Mammography.Landmarks;
using ImageQuality.Analysis.Mammography.Positioning;
using ImageQuality.Dicom;
using ImageQuality.Samples.Mammography.Truth;

namespace ImageQuality.Samples.Mammography.Dataset;

/// <summary>
/// Makes a training sample from a DICOM data set and its ground truth by the same code inference runs
/// (<see cref="MammogramPlane.FromDataset"/>, <see cref="CanonicalOrientation.Determine"/>,
/// <see cref="LandmarkModelInput.Prepare"/>), then moves the truth onto the model grid with the transform that
/// preparation returned, so inputs and labels cannot drift from what the model sees in service.
/// </summary>
public static class LandmarkSampleEncoder
{
    private const int W = LandmarkModelInput.Width;
    private const int H = LandmarkModelInput.Height;

    public static LandmarkSample Encode(DicomDataset dataset, TransferSyntax syntax, MammogramGroundTruth truth, int index, string source)
    {
        BreastPlaneSpacing spacing = BreastPlaneSpacing.FromDataset(dataset)
            ?? throw new InvalidDataException("Neither ImagerPixelSpacing nor PixelSpacing is usable: the sample's millimetres are unknown");
        using MammogramPlane plane = MammogramPlane.FromDataset(dataset, syntax);
        CanonicalOrientation orientation = CanonicalOrientation.Determine(dataset, plane);
        (float[] tensor, ModelTransform transform) = LandmarkModelInput.Prepare(plane, orientation);

        var input = new byte[W * H];
        for (int i = 0; i < input.Length; i++)
        {
            input[i] = (byte)Math.Round(Math.Clamp(tensor[i], 0, 1) * 255);
        }

        var labels = new byte[W * H];
        Fill(truth.BreastPolygon, transform, labels, LandmarkSample.BreastBit);
        Fill(truth.PectoralPolygon, transform, labels, LandmarkSample.PectoralBit);
        Fill(truth.ImfPolygon, transform, labels, LandmarkSample.ImfBit);

        string view = (ScreeningText(dataset, DicomTag.ViewPosition) ?? truth.View).ToUpperInvariant();
        var meta = new LandmarkSampleMeta
        {
            Index = index,
            View = view,
            Laterality = ScreeningText(dataset, DicomTag.ImageLaterality) ?? truth.Laterality,
            Nipple = truth.Nipple is { } n ? transform.ToModel(n.X, n.Y) : null,
            NippleInProfile = truth.NippleInProfile,
            PectoralEdge = truth.PectoralEdge is { Count: 2 } e && view == "MLO" ? [transform.ToModel(e[0].X, e[0].Y), transform.ToModel(e[1].X, e[1].Y)] : null,
            PixelSpacingMm = (transform.ScaleX * spacing.ColumnMm, transform.ScaleY * spacing.RowMm),
            Faults = truth.Faults,
            Source = source,
            Labelled = (truth.BreastPolygon is not null, truth.PectoralPolygon is not null, truth.ImfPolygon is not null),
            OrientationSource = orientation.Source,
            ImageSize = (plane.Width, plane.Height),
        };
        return new LandmarkSample(input, labels, meta, transform);
    }

    private static void Fill(IReadOnlyList<(double X, double Y)>? polygon, ModelTransform transform, byte[] labels, byte bit)
    {
        if (polygon is { Count: >= 3 })
        {
            ModelGridRasterizer.Fill([.. polygon.Select(p => transform.ToModel(p.X, p.Y))], labels, W, H, bit);
        }
    }

    private static string? ScreeningText(DicomDataset dataset, DicomTag tag) => dataset.GetString(tag)?.Trim() is { Length: > 0 } s ? s : null;
}
