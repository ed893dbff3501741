using System.Collections.Frozen;
using System.Globalization;

namespace ImageQuality.Dicom.Network.Dimse;

/// <summary>
/// A DIMSE status code (0000,0900) with its meaning: the general codes of PS3.7 Annex C and the C-STORE codes of
/// PS3.4 B.2.3. Codes of a range (A7xx, A9xx, Cxxx) are named after their range.
/// </summary>
public readonly struct DicomStatus : IEquatable<DicomStatus>
{
    public DicomStatus(ushort code) => Code = code;

    public ushort Code { get; }

    // Success (PS3.7 C.1.1).
    public static readonly DicomStatus Success = new(0x0000);

    // Warnings of C-STORE (PS3.4 B.2.3).
    public static readonly DicomStatus CoercionOfDataElements = new(0xB000);
    public static readonly DicomStatus ElementsDiscarded = new(0xB006);
    public static readonly DicomStatus DataSetDoesNotMatchSopClassWarning = new(0xB007);

    // General warnings (PS3.7 C.4).
    public static readonly DicomStatus AttributeListError = new(0x0107);
    public static readonly DicomStatus AttributeValueOutOfRange = new(0x0116);

    // Failures of C-STORE (PS3.4 B.2.3): the low byte of A7xx, A9xx and Cxxx is implementation-specific.
    public static readonly DicomStatus OutOfResources = new(0xA700);
    public static readonly DicomStatus DataSetDoesNotMatchSopClass = new(0xA900);
    public static readonly DicomStatus CannotUnderstand = new(0xC000);

    // General failures (PS3.7 C.5).
    public static readonly DicomStatus ProcessingFailure = new(0x0110);
    public static readonly DicomStatus DuplicateSopInstance = new(0x0111);
    public static readonly DicomStatus NoSuchSopInstance = new(0x0112);
    public static readonly DicomStatus InvalidArgumentValue = new(0x0115);
    public static readonly DicomStatus InvalidAttributeValue = new(0x0106);
    public static readonly DicomStatus InvalidObjectInstance = new(0x0117);
    public static readonly DicomStatus NoSuchSopClass = new(0x0118);
    public static readonly DicomStatus ClassInstanceConflict = new(0x0119);
    public static readonly DicomStatus MissingAttribute = new(0x0120);
    public static readonly DicomStatus MissingAttributeValue = new(0x0121);
    public static readonly DicomStatus SopClassNotSupported = new(0x0122);
    public static readonly DicomStatus NotAuthorized = new(0x0124);
    public static readonly DicomStatus DuplicateInvocation = new(0x0210);
    public static readonly DicomStatus UnrecognizedOperation = new(0x0211);
    public static readonly DicomStatus MistypedArgument = new(0x0212);
    public static readonly DicomStatus ResourceLimitation = new(0x0213);

    // Cancel and pending (PS3.7 C.2, C.3).
    public static readonly DicomStatus Cancel = new(0xFE00);
    public static readonly DicomStatus Pending = new(0xFF00);
    public static readonly DicomStatus PendingWithWarnings = new(0xFF01);

    private static readonly FrozenDictionary<ushort, string> Names = new Dictionary<ushort, string>
    {
        [0x0000] = "Success",
        [0xB000] = "Warning: coercion of data elements",
        [0xB006] = "Warning: elements discarded",
        [0xB007] = "Warning: data set does not match SOP class",
        [0x0107] = "Warning: attribute list error",
        [0x0116] = "Warning: attribute value out of range",
        [0x0110] = "Processing failure",
        [0x0111] = "Duplicate SOP instance",
        [0x0112] = "No such SOP instance",
        [0x0115] = "Invalid argument value",
        [0x0106] = "Invalid attribute value",
        [0x0117] = "Invalid object instance",
        [0x0118] = "No such SOP class",
        [0x0119] = "Class-instance conflict",
        [0x0120] = "Missing attribute",
        [0x0121] = "Missing attribute value",
        [0x0122] = "Refused: SOP class not supported",
        [0x0124] = "Refused: not authorized",
        [0x0210] = "Duplicate invocation",
        [0x0211] = "Unrecognized operation",
        [0x0212] = "Mistyped argument",
        [0x0213] = "Resource limitation",
        [0xFE00] = "Cancel",
        [0xFF00] = "Pending",
        [0xFF01] = "Pending with warnings",
    }.ToFrozenDictionary();

    public DicomStatusCategory Category => Code switch
    {
        0x0000 => DicomStatusCategory.Success,
        0x0001 or 0x0107 or 0x0116 => DicomStatusCategory.Warning,
        >= 0xB000 and <= 0xBFFF => DicomStatusCategory.Warning,
        0xFE00 => DicomStatusCategory.Cancel,
        0xFF00 or 0xFF01 => DicomStatusCategory.Pending,
        _ => DicomStatusCategory.Failure,
    };

    public bool IsSuccess => Category == DicomStatusCategory.Success;

    public bool IsFailure => Category == DicomStatusCategory.Failure;

    public string Name => Names.TryGetValue(Code, out string? name)
        ? name
        : (Code & 0xFF00) switch
        {
            0xA700 => "Refused: out of resources",
            0xA900 => "Error: data set does not match SOP class",
            _ when (Code & 0xF000) == 0xC000 => "Error: cannot understand",
            _ => Category.ToString(),
        };

    public bool Equals(DicomStatus other) => Code == other.Code;

    public override bool Equals(object? obj) => obj is DicomStatus s && Equals(s);

    public override int GetHashCode() => Code;

    public static bool operator ==(DicomStatus a, DicomStatus b) => a.Code == b.Code;

    public static bool operator !=(DicomStatus a, DicomStatus b) => a.Code != b.Code;

    public override string ToString() => $"0x{Code.ToString("X4", CultureInfo.InvariantCulture)} ({Name})";
}
