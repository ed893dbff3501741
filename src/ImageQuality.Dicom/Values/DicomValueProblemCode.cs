namespace ImageQuality.Dicom.Values;

public enum DicomValueProblemCode
{
    /// <summary>A character outside the VR's repertoire, e.g. a control character or a lower-case letter in CS.</summary>
    InvalidCharacter,

    /// <summary>Longer than the VR's maximum length.</summary>
    TooLong,

    /// <summary>The characters are allowed but their arrangement is not, e.g. a date of 31 February.</summary>
    InvalidFormat,

    /// <summary>The number of values is not allowed by the attribute's value multiplicity.</summary>
    WrongMultiplicity,

    /// <summary>A backslash in a VR that holds exactly one value and for which the backslash is no character (UR).</summary>
    NotAllowedMultiValue,

    /// <summary>A well-formed number outside the VR's range, e.g. an IS beyond -2^31..2^31-1.</summary>
    OutOfRange,

    /// <summary>A form retired in DICOM 3.0 that readers still accept: ACR-NEMA "YYYY.MM.DD" dates and "HH:MM:SS" times.</summary>
    RetiredFormat,
}
