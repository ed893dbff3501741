namespace ImageQuality.Analysis.ProstateMr.BValues;

/// <summary>Which element a b-value was read from, in the order <see cref="BValueReader"/> tries them.</summary>
public enum BValueSource
{
    /// <summary>(0018,9087) DiffusionBValue at the top level of a classic image.</summary>
    DiffusionBValue,

    /// <summary>(0018,9087) in the MR Diffusion Sequence (0018,9117) of the frame's per-frame or the shared functional groups.</summary>
    MRDiffusionSequence,

    /// <summary>Siemens (0019,xx0C) B_value of creator "SIEMENS MR HEADER".</summary>
    SiemensMrHeader,

    /// <summary>Siemens CSA image header (0029,xx10) of creator "SIEMENS CSA HEADER", element "B_value".</summary>
    SiemensCsaHeader,

    /// <summary>GE (0043,xx39) of creator "GEMS_PARM_01", first value modulo 1e9.</summary>
    GeParameters,

    /// <summary>Philips (2001,xx03) DiffusionBFactor of creator "Philips Imaging DD 001", FL (or its four bytes as UN).</summary>
    PhilipsImaging,
}
