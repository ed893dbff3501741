namespace ImageQuality.Dicom.Values;

/// <summary>
/// One way a string value breaks the rules of PS3.5 6.2. The message quotes the value only for VRs whose
/// values do not identify people (UI, CS, DA, TM, DT, DS, IS, AS); never for names or free text.
/// </summary>
/// <param name="Code">What kind of problem.</param>
/// <param name="VR">The VR whose rules were broken.</param>
/// <param name="ValueIndex">The zero-based position of the value in a multi-valued element, or null for the element as a whole.</param>
/// <param name="Message">A readable explanation.</param>
public readonly record struct DicomValueProblem(DicomValueProblemCode Code, DicomVR VR, int? ValueIndex, string Message)
{
    public override string ToString() =>
        ValueIndex is { } index ? $"{VR} value {index + 1}: {Message}" : $"{VR}: {Message}";
}
