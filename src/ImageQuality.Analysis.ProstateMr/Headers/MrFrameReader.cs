using ImageQuality.Analysis.ProstateMr.BValues;
using ImageQuality.Analysis.ProstateMr.Series;
using ImageQuality.Dicom;

namespace ImageQuality.Analysis.ProstateMr.Headers;

/// <summary>
/// Reads the <see cref="MrFrame"/>s of an image: one for a classic MR image, one per frame for an Enhanced MR image,
/// whose per-frame and shared functional groups hold what classic images hold at the top level.
/// </summary>
internal static class MrFrameReader
{
    /// <summary>The frames of an MR image; empty for anything else (reports, other modalities, objects without pixels).</summary>
    public static IReadOnlyList<MrFrame> Read(InstanceContext instance)
    {
        DicomDataset ds = instance.Dataset;
        if (HeaderValues.Text(ds, DicomTag.Modality) != "MR" || HeaderValues.Text(ds, DicomTag.SeriesInstanceUID) is not { } seriesUid
            || !ds.Contains(DicomTag.Rows))
        {
            return [];
        }

        int perFrame = ds.FindSequence(DicomTag.PerFrameFunctionalGroupsSequence)?.Items.Count ?? 0;
        int count = Math.Max(1, perFrame);
        var frames = new MrFrame[count];
        for (int i = 0; i < count; i++)
        {
            frames[i] = ReadFrame(instance, new FrameScope(ds, i), seriesUid);
        }

        return frames;
    }

    private static MrFrame ReadFrame(InstanceContext instance, FrameScope f, string seriesUid)
    {
        DicomDataset top = f.Top;
        DicomTag frameType = DicomTag.MRImageFrameTypeSequence;
        string[] imageType = [.. HeaderValues.Tokens(top, DicomTag.ImageType), .. f.Tokens(frameType, DicomTag.FrameType)];
        (int? frequency, int? phase) = AcquiredMatrix(f);
        DicomTag pixelMeasures = DicomTag.PixelMeasuresSequence;

        return new MrFrame
        {
            Instance = instance,
            FrameIndex = f.FrameIndex,
            SeriesInstanceUid = seriesUid,
            SeriesNumber = HeaderValues.Integer(top, DicomTag.SeriesNumber),
            SeriesDescription = HeaderValues.Text(top, DicomTag.SeriesDescription),
            ProtocolName = HeaderValues.Text(top, DicomTag.ProtocolName),
            Manufacturer = HeaderValues.Text(top, DicomTag.Manufacturer),
            ImageType = imageType.Distinct().ToArray(),
            ScanningSequence = HeaderValues.Tokens(top, DicomTag.ScanningSequence),
            SequenceVariant = HeaderValues.Tokens(top, DicomTag.SequenceVariant),
            SequenceName = HeaderValues.Text(top, DicomTag.SequenceName) ?? HeaderValues.Text(top, DicomTag.PulseSequenceName),
            EchoPulseSequence = HeaderValues.Text(top, DicomTag.EchoPulseSequence),
            EchoPlanarPulseSequence = HeaderValues.Text(top, DicomTag.EchoPlanarPulseSequence),
            AcquisitionContrast = f.Text(frameType, DicomTag.AcquisitionContrast),
            DiffusionDirectionality = f.Text(DicomTag.MRDiffusionSequence, DicomTag.DiffusionDirectionality),
            BValue = BValueReader.Read(f),
            EchoTime = f.Number(DicomTag.MREchoSequence, DicomTag.EffectiveEchoTime) ?? HeaderValues.Number(top, DicomTag.EchoTime),
            RepetitionTime = f.Number(DicomTag.MRTimingAndRelatedParametersSequence, DicomTag.RepetitionTime),
            FlipAngle = f.Number(DicomTag.MRTimingAndRelatedParametersSequence, DicomTag.FlipAngle),
            MagneticFieldStrength = HeaderValues.Number(top, DicomTag.MagneticFieldStrength),
            Orientation = PlaneOrientation.From(f.Numbers(DicomTag.PlaneOrientationSequence, DicomTag.ImageOrientationPatient, 6)),
            ImagePositionPatient = f.Numbers(DicomTag.PlanePositionSequence, DicomTag.ImagePositionPatient, 3),
            SliceThickness = f.Number(pixelMeasures, DicomTag.SliceThickness),
            SpacingBetweenSlices = f.Number(pixelMeasures, DicomTag.SpacingBetweenSlices),
            PixelSpacing = f.Numbers(pixelMeasures, DicomTag.PixelSpacing, 2),
            Rows = HeaderValues.Integer(top, DicomTag.Rows),
            Columns = HeaderValues.Integer(top, DicomTag.Columns),
            FrequencyEncodingSteps = frequency,
            PhaseEncodingSteps = phase,
            InPlanePhaseEncodingDirection = PhaseDirection(f.Text(DicomTag.MRFOVGeometrySequence, DicomTag.InPlanePhaseEncodingDirection)),
            AcquisitionDateTime = AcquiredAt(f),
            TriggerTime = HeaderValues.Number(top, DicomTag.TriggerTime),
            TemporalPosition = HeaderValues.Integer(f.Macro(DicomTag.FrameContentSequence), DicomTag.TemporalPositionIndex)
                ?? HeaderValues.Integer(top, DicomTag.TemporalPositionIdentifier),
            ContrastAgent = ContrastNamed(f),
        };
    }

    /// <summary>Classic images say ROW or COL; the Enhanced MR FOV/Geometry macro says ROW or COLUMN (or OTHER).</summary>
    private static string? PhaseDirection(string? value) => value?.ToUpperInvariant() switch
    {
        "COLUMN" => "COL",
        var v => v,
    };

    /// <summary>
    /// AcquisitionMatrix (0018,1310) is frequency rows \ frequency columns \ phase rows \ phase columns, two of them
    /// zero: the non-zero frequency value and the non-zero phase value are the acquired steps.
    /// </summary>
    private static (int? Frequency, int? Phase) AcquiredMatrix(FrameScope f)
    {
        DicomDataset? fov = f.Macro(DicomTag.MRFOVGeometrySequence);
        int? frequency = HeaderValues.Integer(fov, DicomTag.MRAcquisitionFrequencyEncodingSteps);
        int? phase = HeaderValues.Integer(fov, DicomTag.MRAcquisitionPhaseEncodingStepsInPlane);
        if (frequency is > 0 && phase is > 0)
        {
            return (frequency, phase);
        }

        double[]? matrix = HeaderValues.Numbers(f.Top, DicomTag.AcquisitionMatrix, 4);
        if (matrix is null)
        {
            return (null, null);
        }

        int freq = (int)Math.Max(matrix[0], matrix[1]);
        int ph = (int)Math.Max(matrix[2], matrix[3]);
        return (freq > 0 ? freq : null, ph > 0 ? ph : null);
    }

    private static DateTime? AcquiredAt(FrameScope f)
    {
        if (f.Macro(DicomTag.FrameContentSequence) is { } content && content.TryGetDateTime(DicomTag.FrameAcquisitionDateTime, out var frameTime))
        {
            return frameTime.DateTime;
        }

        DicomDataset top = f.Top;
        if (top.TryGetDateTime(DicomTag.AcquisitionDateTime, out var acquired))
        {
            return acquired.DateTime;
        }

        // A time without its date still orders the phases of one exam; the series or content date stands in for it.
        if (!top.TryGetTime(DicomTag.AcquisitionTime, out TimeOnly time))
        {
            return null;
        }

        DateOnly date = top.TryGetDate(DicomTag.AcquisitionDate, out DateOnly d) || top.TryGetDate(DicomTag.SeriesDate, out d)
            || top.TryGetDate(DicomTag.ContentDate, out d) ? d : DateOnly.MinValue;
        return date.ToDateTime(time);
    }

    private static bool ContrastNamed(FrameScope f)
    {
        DicomDataset top = f.Top;
        if (HeaderValues.Text(top, DicomTag.ContrastBolusAgent) is not null
            || top.FindSequence(DicomTag.ContrastBolusAgentSequence)?.Items.Count > 0)
        {
            return true;
        }

        return string.Equals(f.Text(DicomTag.ContrastBolusUsageSequence, DicomTag.ContrastBolusAgentAdministered), "YES", StringComparison.OrdinalIgnoreCase);
    }
}
