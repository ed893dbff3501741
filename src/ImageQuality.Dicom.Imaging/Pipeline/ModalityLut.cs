using System.Globalization;

namespace ImageQuality.Dicom.Imaging.Pipeline;

/// <summary>
/// The Modality LUT stage (PS3.3 C.11.1): Rescale Slope and Intercept, or a Modality LUT Sequence table,
/// from stored values to modality values (e.g. Hounsfield units, or the detector's linear scale).
/// </summary>
public sealed class ModalityLut
{
    private readonly double _slope;
    private readonly double _intercept;
    private readonly LookupTable? _table;

    private ModalityLut(double slope, double intercept, LookupTable? table)
    {
        _slope = slope;
        _intercept = intercept;
        _table = table;
    }

    public static ModalityLut Identity { get; } = new(1, 0, null);

    public bool IsIdentity => _table is null && _slope == 1 && _intercept == 0;

    public double Slope => _slope;

    public double Intercept => _intercept;

    public LookupTable? Table => _table;

    public static ModalityLut FromDataset(DicomDataset dataset, PixelDataDescription description)
    {
        if (dataset.FindSequence(new DicomTag(0x00283000)) is { Items.Count: > 0 } seq
            && LookupTable.FromItem(seq.Items[0], description.IsSigned) is { } table)
        {
            return new ModalityLut(1, 0, table);
        }

        double slope = dataset.TryGetDouble(new DicomTag(0x00281053), out double s) && s != 0 ? s : 1;
        double intercept = dataset.TryGetDouble(new DicomTag(0x00281052), out double i) ? i : 0;
        return new ModalityLut(slope, intercept, null);
    }

    public double Apply(int stored) => _table is { } t ? t.Lookup(stored) : (stored * _slope) + _intercept;

    /// <summary>The range of modality values the possible stored values map to.</summary>
    public (double Min, double Max) OutputRange(PixelDataDescription d)
    {
        if (_table is { } t)
        {
            return (0, (1 << t.BitsPerEntry) - 1);
        }

        (int min, int max) = StoredValues.PossibleRange(d);
        double a = Apply(min);
        double b = Apply(max);
        return (Math.Min(a, b), Math.Max(a, b));
    }

    public override string ToString() => _table is null
        ? string.Create(CultureInfo.InvariantCulture, $"rescale y = {_slope}x + {_intercept}")
        : $"LUT of {_table.Entries.Length} entries";
}
