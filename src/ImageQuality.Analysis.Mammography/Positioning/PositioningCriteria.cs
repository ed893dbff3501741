namespace ImageQuality.Analysis.Mammography.Positioning;

/// <summary>Criterion ids of the positioning analysis: stable, scorecards group by them.</summary>
public static class PositioningCriteria
{
    public const string Scope = "mg.position.scope";
    public const string PectoralToPnl = "mg.position.pectoral-to-pnl";
    public const string PectoralWidth = "mg.position.pectoral-width";
    public const string PectoralAngle = "mg.position.pectoral-angle";
    public const string PectoralShape = "mg.position.pectoral-shape";
    public const string PectoralVisibleCc = "mg.position.pectoral-on-cc";
    public const string Imf = "mg.position.imf";
    public const string NippleProfile = "mg.position.nipple-profile";
    public const string NippleAngle = "mg.position.nipple-angle";
    public const string CutOff = "mg.position.cut-off";
    public const string Pressure = "mg.position.compression-pressure";

    public const string CcMloPnl = "mg.exam.cc-mlo-pnl";
    public const string PectoralSymmetry = "mg.exam.pectoral-symmetry";
    public const string Grade = "mg.exam.positioning-grade";

    /// <summary>Failing one of these means tissue may be missed (PGMI "moderate" at best); the rest are minor deviations.</summary>
    public static readonly IReadOnlySet<string> Major = new HashSet<string>(StringComparer.Ordinal) { PectoralToPnl, CutOff, CcMloPnl };
}
