namespace ImageQuality.Dicom;

/// <summary>
/// A data element holding a value: the raw value bytes exactly as encoded, except that binary numbers
/// (US SS UL SL FL FD SV UV AT OW OF OL OD OV) are always held little endian whatever the transfer syntax,
/// so that readers never need to know where the bytes came from.
/// </summary>
public class DicomElement
{
    private readonly ReadOnlyMemory<byte> _data;
    private readonly DicomBulkDataReference? _deferred;

    public DicomElement(DicomTag tag, DicomVR vr, ReadOnlyMemory<byte> data)
    {
        Tag = tag;
        VR = vr;
        _data = data;
    }

    /// <summary>An element whose value stays in its file until asked for (large bulk data, header-only reading).</summary>
    public DicomElement(DicomTag tag, DicomVR vr, DicomBulkDataReference deferred)
    {
        Tag = tag;
        VR = vr;
        _deferred = deferred;
    }

    protected DicomElement(DicomTag tag, DicomVR vr)
    {
        Tag = tag;
        VR = vr;
    }

    public DicomTag Tag { get; }

    public DicomVR VR { get; }

    /// <summary>The value bytes; a deferred value is read from its file on every call.</summary>
    public ReadOnlyMemory<byte> Data => _deferred is { } d ? d.Load() : _data;

    public bool IsDeferred => _deferred is not null;

    public DicomBulkDataReference? DeferredData => _deferred;

    /// <summary>Length of the value in bytes, without reading a deferred value.</summary>
    public virtual long Length => _deferred?.Length ?? _data.Length;

    public override string ToString() => $"{Tag} {VR} ({Length} bytes)";
}
