namespace ImageQuality.Analysis.Mammography;

/// <summary>
/// Limits of the header checks. Defaults follow the domain notes: a typical compression force is 70–120 N and more
/// than 200 N is a warning sign; compressed thickness outside 10–150 mm is implausible for a screening view.
/// </summary>
public sealed class MammographyHeaderOptions
{
    public double MinCompressionForceNewtons { get; set; } = 50;

    public double MaxCompressionForceNewtons { get; set; } = 200;

    public double MinBreastThicknessMillimetres { get; set; } = 10;

    public double MaxBreastThicknessMillimetres { get; set; } = 150;

    /// <summary>
    /// Units whose CompressionForce is written in daN, not N (GE Senographe DS, per the domain notes): matched as a
    /// substring of ManufacturerModelName, case-insensitive. Their values are multiplied by 10.
    /// </summary>
    public List<string> ModelsReportingDecanewtons { get; set; } = ["Senographe DS"];

    /// <summary>The keyword of the attribute naming the technologist.</summary>
    public string OperatorAttribute { get; set; } = "OperatorsName";
}
