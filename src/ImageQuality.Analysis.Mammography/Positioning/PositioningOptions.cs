namespace ImageQuality.Analysis.Mammography.Positioning;

/// <summary>
/// Thresholds of the positioning criteria (defaults from ../shared/domain/mammography-positioning.md and the
/// guidelines it cites) and where the model is. Plain settable properties: bound from the Mammography:Positioning
/// configuration section.
/// </summary>
public sealed class PositioningOptions
{
    /// <summary>The landmark model file; empty uses models/mammo-landmarks.onnx next to the binary. Missing file: the classical finder.</summary>
    public string ModelPath { get; set; } = string.Empty;

    /// <summary>Threads one model run may use (0: one per core). Several analysis workers each run the model.</summary>
    public int ModelThreads { get; set; } = 1;

    /// <summary>"ACR" (pass/fail) or "PGMI" (perfect, good, moderate, inadequate) for the exam grade.</summary>
    public string GradingMode { get; set; } = "ACR";

    /// <summary>Same side: |CC PNL − MLO PNL| at most this.</summary>
    public double MaxCcMloPnlDifferenceMm { get; set; } = 10;

    /// <summary>MLO: muscle width along the top edge at least this ("wide at the axilla").</summary>
    public double MinPectoralTopWidthMm { get; set; } = 20;

    /// <summary>MLO: muscle edge angle from the vertical, typical band (C-arm 30–60° by habitus).</summary>
    public double MinPectoralAngleDegrees { get; set; } = 15;

    public double MaxPectoralAngleDegrees { get; set; } = 50;

    /// <summary>CC: nipple direction within this many degrees of the PNL direction (exaggeration beyond).</summary>
    public double MaxNippleAngleDegrees { get; set; } = 10;

    /// <summary>MLO: abdominal tissue below the fold of at least this area counts as the fold shown.</summary>
    public double MinImfAreaMm2 { get; set; } = 100;

    /// <summary>Breast tissue touching non-chest-wall image edges over more than this length is cut off.</summary>
    public double MaxCutOffMm { get; set; } = 5;

    /// <summary>Compression pressure band (force over contact area).</summary>
    public double MinPressureKpa { get; set; } = 7;

    public double MaxPressureKpa { get; set; } = 15;

    /// <summary>Left and right MLO: muscle lengths along the chest wall within this of each other.</summary>
    public double MaxPectoralAsymmetryMm { get; set; } = 20;

    /// <summary>PGMI "inadequate": muscle short of the PNL by more than this, cut-off or CC–MLO difference beyond twice its limit.</summary>
    public double InadequateShortfallMm { get; set; } = 20;

    /// <summary>Below this confidence of the nipple, nipple-dependent criteria are not assessable.</summary>
    public double MinNippleConfidence { get; set; } = 0.3;

    /// <summary>Models of units that write CompressionForce in decanewtons (GE Senographe DS).</summary>
    public IList<string> ModelsReportingDecanewtons { get; set; } = ["Senographe DS"];

    public void Validate()
    {
        if (GradingMode is not ("ACR" or "PGMI"))
        {
            throw new ArgumentException($"Mammography:Positioning:GradingMode '{GradingMode}' must be ACR or PGMI");
        }

        if (MinPressureKpa > MaxPressureKpa || MinPectoralAngleDegrees > MaxPectoralAngleDegrees)
        {
            throw new ArgumentException("Mammography:Positioning: a minimum is above its maximum");
        }

        if (ModelThreads < 0)
        {
            throw new ArgumentException("Mammography:Positioning:ModelThreads must be 0 or more");
        }
    }
}
